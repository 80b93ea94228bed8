import type { ResolvedProxy } from '../dispatcher.ts';
import type { ExecuteOptions, SignedRequest } from '../options.ts';
import { headersFitDirect } from './request-head.ts';

/**
 * Whether one hop goes over the direct socket reader instead of undici: a
 * body-less GET the caller asked to save, plain http, no proxy configured at
 * all, no request header that needs undici's handling. Everything else
 * (HEAD, other methods, previews, https, proxies) stays on undici.
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
    url.protocol === 'http:' &&
    headersFitDirect(headers)
  );
}
