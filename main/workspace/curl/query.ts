import type { KeyValue } from '../../contract/workspace.ts';

/** The query string of a URL as ordered pairs written as they were, and the URL without it. */
export function splitQuery(url: string): { base: string; params: KeyValue[] } {
  const hash = url.indexOf('#');
  const withoutHash = hash < 0 ? url : url.slice(0, hash);
  const q = withoutHash.indexOf('?');
  if (q < 0) return { base: withoutHash, params: [] };
  const params = withoutHash
    .slice(q + 1)
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return { name: eq < 0 ? part : part.slice(0, eq), value: eq < 0 ? '' : part.slice(eq + 1), enabled: true };
    });
  return { base: withoutHash.slice(0, q), params };
}
