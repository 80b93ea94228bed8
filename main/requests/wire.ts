import type { SignedRequest as WireRequest } from '../http/index.ts';
import { percentEncode } from '../signing/percent-encode.ts';
import type { SigningRequest } from '../signing/index.ts';

const DEFAULT_CONTENT_TYPE = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  raw: 'text/plain; charset=utf-8',
} as const;

/**
 * The signed request as bytes on the wire. Form pairs are encoded exactly as
 * the OAuth 1.0a base string encodes them (RFC 3986), so the server decodes
 * the very values that were signed. A Content-Type is added only when the
 * request has none.
 */
export function toWireRequest(request: SigningRequest): WireRequest {
  const headers: [string, string][] = request.headers.map((header) => [header.name, header.value]);
  const { body } = request;
  if (body.kind === 'none') return { method: request.method, url: request.url, headers, body: null };
  if (!headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', DEFAULT_CONTENT_TYPE[body.kind]]);
  const text =
    body.kind === 'form' ? body.pairs.map((pair) => `${percentEncode(pair.name)}=${percentEncode(pair.value)}`).join('&') : body.text;
  return { method: request.method, url: request.url, headers, body: text };
}
