import { percentEncode } from './percent-encode.ts';
import type { BaseStringParts, FormPair, RequestBody, SourcedParam } from './types.ts';

export type { BaseStringParts, ParamSource, SourcedParam } from './types.ts';

/**
 * RFC 5849 section 3.4.1.2: scheme and host in lower case, the port only when
 * it is not the scheme's default, the path, and neither query nor fragment.
 * WHATWG URL already lower-cases and drops default ports.
 */
export function baseStringUri(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/** Section 3.4.1.3.1: the query is form-decoded into name/value pairs, repeats kept. */
export function queryParams(url: string): FormPair[] {
  const search = new URL(url).search;
  return [...new URLSearchParams(search)].map(([name, value]) => ({ name, value }));
}

/** Form-body parameters count only when the body is form-encoded (section 3.4.1.3.1). */
export function bodyParams(body: RequestBody): readonly FormPair[] {
  return body.kind === 'form' ? body.pairs : [];
}

/**
 * Section 3.4.1.3.2: encode every name and value, sort by encoded name then
 * encoded value (byte order), join as name=value with '&'.
 */
export function normalizeParams(params: readonly FormPair[]): string {
  const encoded = params.map((p) => [percentEncode(p.name), percentEncode(p.value)] as const);
  encoded.sort(([an, av], [bn, bv]) => compareBytes(an, bn) || compareBytes(av, bv));
  return encoded.map(([n, v]) => `${n}=${v}`).join('&');
}

/** Encoded strings are ASCII, so code-unit order is byte order. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Section 3.4.1.1: METHOD&encoded-URI&encoded-normalized-params (the params end up encoded twice). */
export function buildBaseString(
  method: string,
  url: string,
  body: RequestBody,
  oauthParams: readonly FormPair[],
): BaseStringParts {
  const params: SourcedParam[] = [
    ...queryParams(url).map((p) => ({ ...p, source: 'query' as const })),
    ...bodyParams(body).map((p) => ({ ...p, source: 'body' as const })),
    ...oauthParams.map((p) => ({ ...p, source: 'oauth' as const })),
  ];
  const upper = method.toUpperCase();
  const baseUri = baseStringUri(url);
  const normalizedParams = normalizeParams(params);
  const baseString = `${percentEncode(upper)}&${percentEncode(baseUri)}&${percentEncode(normalizedParams)}`;
  return { method: upper, baseUri, params, normalizedParams, baseString };
}
