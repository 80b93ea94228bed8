import type { NetworkFacts } from '../../../../main/contract/network.ts';

/** Loud and on every response sent without certificate checks: nobody should read such a response as trustworthy by accident. */
export function TlsOffWarning({ network }: { network: NetworkFacts | undefined }) {
  if (!network || network.verifyTls) return null;
  return (
    <p role="alert" className="error" data-testid="tls-off-warning">
      {network.warning ?? 'TLS certificates were NOT verified for this send.'}
    </p>
  );
}

/** Which proxy, CA and client certificate the send used: names only, as main reported them. */
export function NetworkFactsView({ network }: { network: NetworkFacts | undefined }) {
  if (!network) return null;
  const rows: [string, string][] = [
    ['Proxy', network.proxy ?? (network.bypassedProxy ? 'none (host is in the no-proxy list)' : 'none')],
    ['Trusted CA', network.caSecret ? `vault: ${network.caSecret}` : network.caFile ? `file: ${network.caFile}` : 'system roots'],
    ['Client certificate', network.clientCertificate ? `vault: ${network.clientCertificate}` : 'none'],
    ['TLS verification', network.verifyTls ? 'on' : 'OFF'],
  ];
  return (
    <dl className="facts" data-testid="network-facts">
      {rows.map(([label, value]) => (
        <div className="fact-row" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
