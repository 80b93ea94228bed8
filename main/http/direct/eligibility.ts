import type { ResolvedProxy } from '../dispatcher.ts';
import type { ExecuteOptions, SignedRequest } from '../options.ts';
import { headersFitDirect } from './request-head.ts';

/**
 * Whether one hop goes over the direct socket reader instead of undici: a
 * body-less GET the caller asked to save, http or https (without a client
 * certificate), no proxy configured at all, no request header that needs
 * undici's handling. Everything else (HEAD, other methods, previews, mTLS,
 * proxies) stays on undici.
 */
export function goesDirect(
  request: SignedRequest,
  url: URL,
  headers: ReadonlyArray<readonly [string, string]>,
  options: ExecuteOptions,
  proxy: ResolvedProxy | null,
): boolean {
  return (
    request.method.toUpperCase() === 'GET' &&
    (request.body === undefined || request.body === null) &&
    options.save !== undefined &&
    proxy === null &&
    (url.protocol === 'http:' || (url.protocol === 'https:' && !hasClientCertificate(options))) &&
    headersFitDirect(headers)
  );
}

/** Client certificates (and their passphrase checks and errors) stay with undici's connector. */
function hasClientCertificate(options: ExecuteOptions): boolean {
  const tls = options.tls;
  return tls !== undefined && (tls.cert !== undefined || tls.key !== undefined || tls.pfx !== undefined);
}
