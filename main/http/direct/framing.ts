import { protocolError } from './errors.ts';

/** How the end of a response body is found (RFC 9112 section 6.3). */
export type Framing = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

// 15 digits stay below 2^53: a length is always an exact number.
const LENGTH = /^\d{1,15}$/;

/**
 * Decides the body framing of a response to a GET. Ambiguous framing, the
 * classic request/response smuggling vector, is refused outright: Content-Length
 * together with Transfer-Encoding, differing Content-Length values, a length
 * that is not a plain decimal number, a transfer coding that does not end in
 * one `chunked`.
 */
export function bodyFraming(status: number, headers: ReadonlyArray<readonly [string, string]>): Framing {
  if (status < 200 || status === 204 || status === 304) return { kind: 'none' };
  const lengths = values(headers, 'content-length');
  const codings = values(headers, 'transfer-encoding');
  if (codings !== null) {
    if (lengths !== null) throw protocolError('both Content-Length and Transfer-Encoding');
    const tokens = codings.map((t) => t.toLowerCase());
    if (tokens.at(-1) !== 'chunked' || tokens.filter((t) => t === 'chunked').length !== 1) {
      throw protocolError('unsupported Transfer-Encoding');
    }
    return { kind: 'chunked' };
  }
  if (lengths !== null) {
    const first = lengths[0] ?? '';
    if (!LENGTH.test(first) || lengths.some((l) => l !== first)) throw protocolError('invalid Content-Length');
    return { kind: 'length', length: Number(first) };
  }
  return { kind: 'close' };
}

/** All comma-separated items of every field with that name; null when there is none. */
function values(headers: ReadonlyArray<readonly [string, string]>, name: string): string[] | null {
  const fields = headers.filter(([n]) => n === name);
  if (fields.length === 0) return null;
  const items = fields.flatMap(([, v]) => v.split(',')).map((v) => v.trim());
  if (items.some((v) => v === '')) throw protocolError(`empty item in ${name}`);
  return items;
}
