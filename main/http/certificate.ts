import type { PeerCertificate } from 'node:tls';
import type { CertificateInfo } from '../contract/http.ts';

function describeName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

/** The parts of a server certificate a person needs to judge a TLS failure. */
export function certificateInfo(cert: PeerCertificate | null | undefined): CertificateInfo | undefined {
  if (!cert || typeof cert.valid_to !== 'string' || cert.valid_to === '') return undefined;
  return {
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    fingerprint256: cert.fingerprint256,
  };
}

/**
 * Thrown by the connector when it refuses a server certificate. It carries the
 * certificate so the error shown to the user can name it.
 */
export class CertificateRejectedError extends Error {
  readonly code: string;
  readonly certificate: CertificateInfo | undefined;
  constructor(code: string, reason: string, certificate: CertificateInfo | undefined) {
    super(reason);
    this.name = 'CertificateRejectedError';
    this.code = code;
    this.certificate = certificate;
  }
}
