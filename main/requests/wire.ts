import type { SignedRequest as WireRequest } from '../http/index.ts';
import { percentEncode } from '../signing/percent-encode.ts';
import type { SigningRequest } from '../signing/index.ts';
import type { FileBody } from './file-body.ts';

const DEFAULT_CONTENT_TYPE = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  raw: 'text/plain; charset=utf-8',
} as const;

const isContentType = (name: string): boolean => name.toLowerCase() === 'content-type';

/**
 * The signed request as bytes on the wire. Form pairs are encoded exactly as
 * the OAuth 1.0a base string encodes them (RFC 3986), so the server decodes
 * the very values that were signed. A Content-Type is added only when the
 * request has none, except for multipart: its boundary is main's, so main's
 * header replaces any other. Multipart and binary bodies need their files
 * read first (buildFileBody).
 */
export function toWireRequest(request: SigningRequest, files: FileBody | null = null): WireRequest {
  let headers: [string, string][] = request.headers.map((header) => [header.name, header.value]);
  const { body } = request;
  if (body.kind === 'none') return { method: request.method, url: request.url, headers, body: null };
  if (body.kind === 'multipart' || body.kind === 'binary') {
    if (files === null) throw new Error('A multipart or binary body is sent only after its files are read.');
    if (body.kind === 'multipart') headers = headers.filter(([name]) => !isContentType(name));
    if (!headers.some(([name]) => isContentType(name))) headers.push(['Content-Type', files.contentType]);
    return { method: request.method, url: request.url, headers, body: files.bytes };
  }
  if (!headers.some(([name]) => isContentType(name))) headers.push(['Content-Type', DEFAULT_CONTENT_TYPE[body.kind]]);
  const text =
    body.kind === 'form' ? body.pairs.map((pair) => `${percentEncode(pair.name)}=${percentEncode(pair.value)}`).join('&') : body.text;
  return { method: request.method, url: request.url, headers, body: text };
}

/** The wire request as History, traces and previews show it: a file body becomes its description (files by name and size), never its bytes. */
export function shownWire(wire: WireRequest, files: FileBody | null): WireRequest {
  return typeof wire.body === 'string' || wire.body === null || files === null ? wire : { ...wire, body: files.preview };
}
