import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Socket } from 'node:net';
import { TLSSocket, checkServerIdentity } from 'node:tls';
import type { SecureContextOptions } from 'node:tls';
import { buildConnector } from 'undici';
import { CertificateRejectedError, certificateInfo } from './certificate.ts';
import type { TimingRecorder } from './timing.ts';

export interface ConnectorOptions {
  tls: SecureContextOptions;
  verifyTls: boolean;
  connectTimeoutMs: number;
  /**
   * The exchange a new connection is being opened for, asked once per
   * connection (a pool's connector serves many exchanges); null records nothing.
   */
  timingFor: () => TimingRecorder | null;
}

/**
 * A direct (non-proxied) connector that records DNS, TCP and TLS timings and
 * verifies the server certificate itself. Node would check the chain and the
 * host name the same way, but doing it here lets a rejection name the
 * certificate (subject, issuer, dates) instead of only an OpenSSL code.
 */
export function timedConnector(options: ConnectorOptions): buildConnector.connector {
  // A resumed TLS session carries no peer certificate to check again. It can
  // only come from this connector's cache (keyed by server name), so it is
  // accepted when OpenSSL kept a good chain verdict for it and its name passed
  // the full check here before; anything else is checked (and refused) as new.
  const verifiedHosts = new Set<string>();
  const resumedVerified = (socket: TLSSocket, host: string): boolean => socket.isSessionReused() && socket.authorized && verifiedHosts.has(host);
  // DNS runs inside base(), synchronously started from the connect call below:
  // `connecting` names the exchange whose connection is being opened then.
  let connecting: TimingRecorder | null = null;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const timing = connecting;
    timing?.dnsStarted();
    dnsLookup(hostname, lookupOptions, (...args: Parameters<typeof callback>) => {
      timing?.dnsFinished();
      callback(...args);
    });
  };
  const base = buildConnector({
    ...options.tls,
    // Checked below, with the certificate in hand.
    rejectUnauthorized: false,
    lookup,
    timeout: options.connectTimeoutMs,
    allowH2: false,
    // TLS sessions are resumed on the pool's later connections; this connector
    // belongs to one set of TLS settings, so a session never crosses to another.
    maxCachedSessions: 100,
  });

  return (connectOptions, callback) => {
    const timing = options.timingFor();
    timing?.connectStarted();
    connecting = timing;
    let socket: unknown;
    try {
      socket = base(connectOptions, (err, connected) => {
        if (err !== null) {
          callback(err, null);
          return;
        }
        if (connected instanceof TLSSocket) {
          timing?.tlsFinished();
          const host = connectOptions.servername ?? connectOptions.hostname;
          const rejection = options.verifyTls && !resumedVerified(connected, host) ? verifyPeer(connected, host) : null;
          if (rejection) {
            connected.destroy();
            callback(rejection, null);
            return;
          }
          if (options.verifyTls) verifiedHosts.add(host);
        }
        callback(null, connected);
      });
    } finally {
      connecting = null;
    }
    // buildConnector returns the socket at runtime, though its type says void.
    if (socket instanceof Socket) socket.once('connect', () => timing?.tcpConnected());
  };
}

export function verifyPeer(socket: TLSSocket, host: string): CertificateRejectedError | null {
  const peer = socket.getPeerCertificate(false);
  const info = certificateInfo(peer);
  if (!socket.authorized) {
    const reason = socket.authorizationError;
    const code = typeof reason === 'string' ? reason : (reason as { code?: string } | undefined)?.code ?? 'CERT_UNTRUSTED';
    return new CertificateRejectedError(code, describeVerifyCode(code), info);
  }
  const identityError = checkServerIdentity(host.replace(/^\[(.*)\]$/, '$1'), peer);
  if (identityError) {
    return new CertificateRejectedError('ERR_TLS_CERT_ALTNAME_INVALID', `the certificate is not valid for ${host}`, info);
  }
  return null;
}

const VERIFY_REASONS: Record<string, string> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is not valid for this host name',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate was issued by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate was issued by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate was issued by an unknown authority',
  CERT_REVOKED: 'the certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate signature is invalid',
};

export function describeVerifyCode(code: string): string {
  return VERIFY_REASONS[code] ?? `the certificate could not be verified (${code})`;
}
