import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenHeaderName } from '../contract/http-bridge.ts';

export const TOKEN_HEADER: TokenHeaderName = 'x-countersign-token';

export type Refusal = { status: 401 | 403; reason: string };

/**
 * The Host header must name exactly the address and port we listen on: a page
 * on a rebinding domain resolving to 127.0.0.1 still sends its own name.
 */
export function checkHost(headers: IncomingHttpHeaders, port: number): Refusal | null {
  return headers.host === `127.0.0.1:${port}` ? null : { status: 403, reason: 'Host header is not this server' };
}

/** Browsers send Origin on cross-origin requests; only our own origin is welcome. */
export function checkOrigin(headers: IncomingHttpHeaders, port: number): Refusal | null {
  const origin = headers.origin;
  if (origin === undefined) return null;
  return origin === `http://127.0.0.1:${port}` ? null : { status: 403, reason: 'foreign Origin' };
}

export function checkToken(headers: IncomingHttpHeaders, expected: string): Refusal | null {
  const given = headers[TOKEN_HEADER];
  if (typeof given !== 'string' || given === '') return { status: 401, reason: 'launch token missing' };
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Length is not secret (the token's size is fixed); the content is compared in constant time.
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 401, reason: 'launch token wrong' };
  return null;
}
