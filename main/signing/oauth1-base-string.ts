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

/** A parameter with its name and value percent-encoded once, for sorting and for every place that writes it. */
export type EncodedParam = SourcedParam & { readonly encodedName: string; readonly encodedValue: string };

/** The base string and the parameters encoded and sorted as it uses them (the signer reuses them for the header and body). */
export type EncodedBaseString = BaseStringParts & {
  readonly sorted: readonly EncodedParam[];
  /** The oauth_* parameters encoded, in the order given (the Authorization header's order). */
  readonly oauth: readonly EncodedParam[];
};

function encoded(pair: FormPair, source: SourcedParam['source']): EncodedParam {
  return { name: pair.name, value: pair.value, source, encodedName: percentEncode(pair.name), encodedValue: percentEncode(pair.value) };
}

/**
 * Section 3.4.1.1: METHOD&encoded-URI&encoded-normalized-params (the params
 * end up encoded twice). The URL is parsed once and each name and value
 * encoded once: this runs on every OAuth 1.0a send.
 */
export function buildEncodedBaseString(
  method: string,
  url: string,
  body: RequestBody,
  oauthParams: readonly FormPair[],
): EncodedBaseString {
  const parsed = new URL(url);
  const sorted: EncodedParam[] = [];
  if (parsed.search !== '') for (const [name, value] of new URLSearchParams(parsed.search)) sorted.push(encoded({ name, value }, 'query'));
  for (const pair of bodyParams(body)) sorted.push(encoded(pair, 'body'));
  const oauth = oauthParams.map((pair) => encoded(pair, 'oauth'));
  sorted.push(...oauth);
  const params: SourcedParam[] = sorted.map(({ name, value, source }) => ({ name, value, source }));
  sorted.sort((a, b) => compareBytes(a.encodedName, b.encodedName) || compareBytes(a.encodedValue, b.encodedValue));
  let normalizedParams = '';
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i] as EncodedParam;
    normalizedParams += `${i === 0 ? '' : '&'}${p.encodedName}=${p.encodedValue}`;
  }
  const upper = method.toUpperCase();
  const baseUri = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const baseString = `${percentEncode(upper)}&${percentEncode(baseUri)}&${percentEncode(normalizedParams)}`;
  return { method: upper, baseUri, params, normalizedParams, baseString, sorted, oauth };
}

/** Section 3.4.1.1 as plain parts (compare mode, the diagnosis). */
export function buildBaseString(method: string, url: string, body: RequestBody, oauthParams: readonly FormPair[]): BaseStringParts {
  const { method: upper, baseUri, params, normalizedParams, baseString } = buildEncodedBaseString(method, url, body, oauthParams);
  return { method: upper, baseUri, params, normalizedParams, baseString };
}
