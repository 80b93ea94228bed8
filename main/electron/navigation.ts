/**
 * Decides where the window may go. The app's own origin stays in the window;
 * a parsed http(s) URL may open in the user's browser; everything else
 * (file:, javascript:, data:, custom schemes, malformed text) goes nowhere.
 */
export function isAppUrl(raw: string, appOrigin: string): boolean {
  const url = parse(raw);
  return url !== null && originOf(url) === appOrigin;
}

/**
 * scheme://host[:port]. Node's URL reports origin "null" for schemes it does
 * not know, such as the app's own countersign://, so origin cannot be used.
 */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** The URL to hand to the system browser, or null when the link must not leave the app at all. */
export function externalLink(raw: string): string | null {
  const url = parse(raw);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
