import type { ClientCertificate, NetworkSettings } from '../../../../main/contract/network.ts';

type Props = { value: NetworkSettings; names: readonly string[]; protectedEnvironment: boolean; onChange: (next: NetworkSettings) => void };

/** A vault entry by name (the value never comes here); a name not in the vault yet stays choosable. */
function NamePicker({ label, value, names, onChange }: { label: string; value: string | undefined; names: readonly string[]; onChange: (name: string | undefined) => void }) {
  const options = value !== undefined && !names.includes(value) ? [...names, value] : names;
  return (
    <label className="field">
      {label}
      <select aria-label={label} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}>
        <option value="">— none —</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
            {names.includes(name) ? '' : ' (not in this environment’s vault)'}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A copy with `key` set, or left out when `value` is undefined (the contract's optional fields are absent, never undefined). */
function without<T extends object, K extends keyof T & string>(object: T, key: K, value: T[K] | undefined): T {
  const rest = Object.fromEntries(Object.entries(object).filter(([name]) => name !== key)) as T;
  return value === undefined ? rest : { ...rest, [key]: value };
}

/** Proxy, CA, mTLS client certificate and TLS verification of one environment, every secret by vault name. */
export function NetworkSettingsEditor({ value, names, protectedEnvironment, onChange }: Props) {
  const cert = value.clientCertificate;
  const format = cert?.format ?? 'none';
  const setCert = (next: ClientCertificate | undefined) => onChange(without(value, 'clientCertificate', next));
  const verify = value.verifyTls !== false;
  return (
    <fieldset className="network-settings" data-testid="network-settings">
      <legend>Network</legend>
      <label className="field">
        Proxy URL
        <input
          aria-label="Proxy URL"
          placeholder="http://proxy.example:3128 (no credentials here)"
          value={value.proxy?.url ?? ''}
          onChange={(event) => {
            const url = event.target.value.trim();
            onChange(without(value, 'proxy', url === '' ? undefined : { ...(value.proxy ?? {}), url }));
          }}
        />
      </label>
      {value.proxy && (
        <NamePicker
          label="Proxy credentials (user:password)"
          value={value.proxy.credentialsSecret}
          names={names}
          onChange={(name) => value.proxy && onChange({ ...value, proxy: without(value.proxy, 'credentialsSecret', name) })}
        />
      )}
      <label className="field">
        No proxy for
        <input aria-label="No proxy for" placeholder="localhost,.internal" value={value.noProxy ?? ''} onChange={(event) => onChange(without(value, 'noProxy', event.target.value === '' ? undefined : event.target.value))} />
      </label>
      <NamePicker label="Trusted CA (PEM certificate)" value={value.caSecret} names={names} onChange={(name) => onChange(without(value, 'caSecret', name))} />
      <label className="field">
        Client certificate (mTLS)
        <select
          aria-label="Client certificate"
          value={format}
          onChange={(event) => {
            const next = event.target.value;
            if (next === 'pem') setCert({ format: 'pem', certSecret: '', keySecret: '' });
            else if (next === 'pkcs12') setCert({ format: 'pkcs12', pkcs12Secret: '' });
            else setCert(undefined);
          }}
        >
          <option value="none">none</option>
          <option value="pem">PEM certificate + private key</option>
          <option value="pkcs12">PKCS#12 bundle</option>
        </select>
      </label>
      {cert?.format === 'pem' && (
        <>
          <NamePicker label="Certificate (PEM)" value={cert.certSecret || undefined} names={names} onChange={(name) => setCert({ ...cert, certSecret: name ?? '' })} />
          <NamePicker label="Private key (PEM)" value={cert.keySecret || undefined} names={names} onChange={(name) => setCert({ ...cert, keySecret: name ?? '' })} />
          <NamePicker label="Key passphrase" value={cert.passphraseSecret} names={names} onChange={(name) => setCert(without(cert, 'passphraseSecret', name))} />
        </>
      )}
      {cert?.format === 'pkcs12' && (
        <>
          <NamePicker label="PKCS#12 bundle" value={cert.pkcs12Secret || undefined} names={names} onChange={(name) => setCert({ ...cert, pkcs12Secret: name ?? '' })} />
          <NamePicker label="PKCS#12 passphrase" value={cert.passphraseSecret} names={names} onChange={(name) => setCert(without(cert, 'passphraseSecret', name))} />
        </>
      )}
      <label className="radio">
        <input
          type="checkbox"
          checked={verify}
          disabled={protectedEnvironment && verify}
          onChange={(event) => onChange(without(value, 'verifyTls', event.target.checked ? undefined : false))}
        />
        Verify TLS certificates{protectedEnvironment ? ' (always, for a protected environment)' : ''}
      </label>
      {!verify && (
        <p role="alert" className="error">
          Certificates are NOT verified: anyone on the network path can read and change these requests.
        </p>
      )}
    </fieldset>
  );
}
