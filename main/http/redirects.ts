import type { PendingRedirect } from '../contract/http.ts';

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Headers that carry credentials: never sent on to another origin.
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export type RedirectDecision = { follow: true; url: URL } | { follow: false; pending: PendingRedirect };

/**
 * Only GET and HEAD are followed without asking: replaying a signed POST
 * elsewhere (or turning it into a GET) is a choice for the user. HTTPS to
 * HTTP is never followed automatically.
 */
export function decideRedirect(method: string, from: URL, location: string, hopsSoFar: number, maxHops: number): RedirectDecision | null {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return null;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD') return { follow: false, pending: { location: target.href, reason: 'method-not-safe' } };
  if (from.protocol === 'https:' && target.protocol === 'http:') return { follow: false, pending: { location: target.href, reason: 'downgrade' } };
  if (hopsSoFar >= maxHops) return { follow: false, pending: { location: target.href, reason: 'max-hops' } };
  return { follow: true, url: target };
}

/** The headers to send on the next hop: credentials and extra sensitive names dropped when the origin changes. */
export function headersForHop(
  headers: ReadonlyArray<readonly [string, string]>,
  from: URL,
  to: URL,
  sensitiveNames: readonly string[],
): Array<readonly [string, string]> {
  const kept = headers.filter(([name]) => name.toLowerCase() !== 'host');
  if (from.origin === to.origin) return kept;
  const drop = new Set([...CREDENTIAL_HEADERS, ...sensitiveNames.map((n) => n.toLowerCase())]);
  return kept.filter(([name]) => !drop.has(name.toLowerCase()));
}
