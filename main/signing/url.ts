import { SigningError } from './errors.ts';

/** `scheme://` at the start: such a path is a full URL of its own. */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** http(s)://, a host of letters, digits, dots and dashes, an optional port, then no whitespace. */
const PLAIN = /^https?:\/\/[a-z0-9.-]+(?::[0-9]+)?(?:[/?#]\S*)?$/i;

/**
 * Checks a resolved URL before anything is sent, so a typo reads as what it
 * is instead of a parser failure deep in the HTTP stack. `what` names the URL
 * in the message ("The request URL", "The MoMo token URL").
 */
export function checkUrl(url: string, what: string): URL {
  // The usual URL (http(s), a plain host, no spaces) passes every check below but the parse: skip to it.
  if (PLAIN.test(url)) {
    try {
      return new URL(url);
    } catch {
      // Named by the full checks below.
    }
  }
  // Only the messages show the URL; a valid one (every send) should not pay for quoting it.
  const shown = () => JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
  if (url.trim() === '') throw new SigningError(`${what} is empty.`);
  if (url !== url.trim()) throw new SigningError(`${what} ${shown()} starts or ends with a space.`);
  const halfScheme = /^([a-z][a-z0-9+.-]*):\/?(?!\/)/i.exec(url);
  if (halfScheme !== null && !ABSOLUTE.test(url) && /^https?$/i.test(halfScheme[1] ?? '')) {
    throw new SigningError(`${what} ${shown()} needs two slashes after ${halfScheme[1] ?? ''}: (${halfScheme[1] ?? ''}://host/...).`);
  }
  if (!ABSOLUTE.test(url)) {
    throw new SigningError(`${what} ${shown()} has no scheme: write it with http:// or https:// in front (e.g. https://${url.replace(/^\/+/, '')}).`);
  }
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') throw new SigningError(`${what} ${shown()} uses ${scheme}:, not http: or https:.`);
  const authority = url.slice(url.indexOf('//') + 2).split(/[/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (host === '') throw new SigningError(`${what} ${shown()} has no host after ${scheme}://.`);
  if (/\s/.test(host)) throw new SigningError(`${what} ${shown()} has a space in its host "${host}".`);
  if (/[{}]/.test(host)) throw new SigningError(`${what} ${shown()} has an unresolved template in its host "${host}".`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SigningError(`${what} ${shown()} is not a valid URL (host "${host}").`);
  }
  return parsed;
}

/**
 * Base URL + relative path keeps the base's path (`https://h/momo` +
 * `/collection/token/` = `https://h/momo/collection/token/`), unlike
 * `new URL(path, base)`, which drops it; an absolute URL stays as it is.
 * One slash joins them whatever either side ends or starts with.
 */
export function joinUrl(base: string, path: string, what = 'The base URL'): string {
  if (ABSOLUTE.test(path)) return path;
  const parsed = checkUrl(base, what);
  const basePath = parsed.pathname.replace(/\/+$/, '');
  const relative = path.replace(/^\/+/, '');
  return `${parsed.protocol}//${parsed.host}${basePath}/${relative}`;
}
