import { X509Certificate } from 'node:crypto';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { SecureContextOptions } from 'node:tls';
import { ClientCertificateError } from './failures.ts';
import type { TlsMaterial } from './options.ts';

/**
 * Turns the caller's TLS material into socket options, checking it up front
 * so a wrong passphrase or a broken PEM is reported as such, not as a
 * handshake failure. Custom CAs are added to Node's roots, not swapped in.
 */
export function tlsSocketOptions(material: TlsMaterial | undefined): SecureContextOptions {
  const out: SecureContextOptions = {};
  if (!material) return out;
  if (material.ca !== undefined) {
    const extra = typeof material.ca === 'string' ? [material.ca] : [...material.ca];
    out.ca = [...rootCertificates, ...extra];
  }
  if (material.cert !== undefined) out.cert = material.cert;
  if (material.key !== undefined) out.key = material.key;
  if (material.pfx !== undefined) out.pfx = Buffer.from(material.pfx);
  if (material.passphrase !== undefined) out.passphrase = material.passphrase;
  if (material.ca !== undefined && !isPemBundle(typeof material.ca === 'string' ? [material.ca] : material.ca)) {
    // OpenSSL silently skips what it cannot parse, which would leave the user wondering why trust fails.
    throw new ClientCertificateError('The custom CA bundle could not be read: it must be one or more PEM certificates.');
  }
  if (out.cert !== undefined || out.key !== undefined || out.pfx !== undefined) {
    try {
      createSecureContext(out);
    } catch (err) {
      throw new ClientCertificateError(describeMaterialError(err, out.pfx !== undefined));
    }
  }
  return out;
}

function describeMaterialError(err: unknown, isPfx: boolean): string {
  const { code, message } = err as { code?: unknown; message?: unknown };
  const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`.toLowerCase();
  if (text.includes('bad decrypt') || text.includes('mac verify') || text.includes('passphrase')) {
    return 'The client certificate could not be opened: the passphrase is wrong.';
  }
  if (text.includes('key values mismatch')) return 'The client certificate and its private key do not belong together.';
  return isPfx
    ? 'The client certificate (PKCS#12) could not be read: the file is damaged or not PKCS#12.'
    : 'The client certificate or key could not be read: both must be PEM.';
}

function isPemBundle(bundles: readonly string[]): boolean {
  const blocks = bundles.flatMap((b) => b.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []);
  if (blocks.length === 0) return false;
  try {
    for (const block of blocks) new X509Certificate(block);
    return true;
  } catch {
    return false;
  }
}
