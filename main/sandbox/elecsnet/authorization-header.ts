/** Parses `Authorization: OAuth k="v", ...` (RFC 5849 §3.5.1); values are percent-decoded. */

export type OAuthHeaderParse = { ok: true; params: Map<string, string> } | { ok: false; reason: string };

export function parseOAuthHeader(value: string | undefined): OAuthHeaderParse {
  if (value === undefined) return { ok: false, reason: 'the Authorization header is missing' };
  const match = /^OAuth\s+(.*)$/is.exec(value.trim());
  if (!match) return { ok: false, reason: 'the Authorization header does not start with "OAuth "' };
  const params = new Map<string, string>();
  const pair = /\s*([A-Za-z0-9_.~%-]+)\s*=\s*"([^"]*)"\s*(?:,|$)/gy;
  const rest = match[1] ?? '';
  let consumed = 0;
  for (let found = pair.exec(rest); found; found = pair.exec(rest)) {
    consumed = pair.lastIndex;
    try {
      params.set(decodeURIComponent(found[1] ?? ''), decodeURIComponent(found[2] ?? ''));
    } catch {
      return { ok: false, reason: `the Authorization parameter ${found[1] ?? ''} has a malformed percent-escape` };
    }
  }
  if (rest.slice(consumed).trim() !== '') {
    return { ok: false, reason: `the Authorization header is not a list of name="value" pairs near "${rest.slice(consumed, consumed + 30)}"` };
  }
  return { ok: true, params };
}
