import type { HeaderPair, SigningRequest } from './types.ts';

/** Sets a header, replacing any of the same name (case-insensitive) in place, else appending. */
export function setHeader(request: SigningRequest, name: string, value: string): SigningRequest {
  const lower = name.toLowerCase();
  let replaced = false;
  const headers: HeaderPair[] = [];
  for (const header of request.headers) {
    if (header.name.toLowerCase() !== lower) headers.push(header);
    else if (!replaced) {
      headers.push({ name, value });
      replaced = true;
    }
  }
  if (!replaced) headers.push({ name, value });
  return { ...request, headers };
}

export function setHeaders(request: SigningRequest, pairs: readonly HeaderPair[]): SigningRequest {
  return pairs.reduce((req, pair) => setHeader(req, pair.name, pair.value), request);
}

/** Appends a query parameter, keeping the URL's existing query as written. */
export function addQueryParam(url: string, name: string, value: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${sep}${encodeURIComponent(name)}=${encodeURIComponent(value)}${fragment}`;
}
