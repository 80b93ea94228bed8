import { invalidRequest } from './errors.ts';

// Headers the direct path leaves to undici: they change the framing or the
// connection, and undici either refuses or handles them specially.
const LEFT_TO_UNDICI = new Set(['connection', 'keep-alive', 'upgrade', 'transfer-encoding', 'expect', 'content-length', 'te', 'proxy-connection']);

/** True when none of the request's headers needs undici's handling. */
export function headersFitDirect(headers: ReadonlyArray<readonly [string, string]>): boolean {
  return headers.every(([name]) => !LEFT_TO_UNDICI.has(name.toLowerCase()));
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// No CR, LF or NUL: nothing can be injected into the request.
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The request head of a body-less GET: Host first (unless the caller set
 * one), then the caller's headers in their order, repeats kept, then
 * `connection: close` (one request per connection, as with undici here).
 */
export function getRequestHead(url: URL, headers: ReadonlyArray<readonly [string, string]>): Buffer {
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`];
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) lines.push(`host: ${url.host}`);
  for (const [name, value] of headers) {
    if (!TOKEN.test(name) || !VALUE.test(value)) throw invalidRequest();
    lines.push(`${name}: ${value}`);
  }
  lines.push('connection: close', '', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}
