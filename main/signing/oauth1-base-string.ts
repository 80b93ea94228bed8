import { percentEncode, percentEncodeTwice } from './percent-encode.ts';
import type { BaseStringParts, FormPair, ParamSource, RequestBody, SourcedParam } from './types.ts';

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
export type EncodedParam = SourcedParam & {
  readonly encodedName: string;
  readonly encodedValue: string;
  /** Name and value encoded twice, as the base string's third part has them. */
  readonly twiceName: string;
  readonly twiceValue: string;
};

/** The base string and the parameters encoded and sorted as it uses them (the signer reuses them for the header and body). */
export type EncodedBaseString = BaseStringParts & {
  readonly sorted: readonly EncodedParam[];
  /** The oauth_* parameters encoded, in the order given (the Authorization header's order). */
  readonly oauth: readonly EncodedParam[];
};

function encoded({ name, value }: FormPair, source: ParamSource): EncodedParam {
  const encodedName = percentEncode(name);
  const encodedValue = percentEncode(value);
  // percentEncode hands back the same string when nothing needed escaping, and then a second pass has nothing to do either.
  const twiceName = encodedName === name ? encodedName : percentEncodeTwice(name);
  const twiceValue = encodedValue === value ? encodedValue : percentEncodeTwice(value);
  return { name, value, source, encodedName, encodedValue, twiceName, twiceValue };
}

/** What a URL gives the base string: its base URI (plain and encoded) and its query parameters, encoded. */
type UrlParts = { readonly baseUri: string; readonly encodedBaseUri: string; readonly query: readonly EncodedParam[] };

// Sends repeat their URLs, so each distinct URL text is parsed and encoded once and a few are kept, in memory
// only; a URL holding a secret is never kept (the caller says which may be), so none outlives the vault's lock.
const URL_CACHE_LIMIT = 32;
const urlCache = new Map<string, UrlParts>();

function urlParts(url: string, keep: boolean): UrlParts {
  const hit = urlCache.get(url);
  if (hit !== undefined) return hit;
  const parsed = new URL(url);
  const baseUri = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const query: EncodedParam[] = [];
  if (parsed.search !== '') for (const [name, value] of new URLSearchParams(parsed.search)) query.push(encoded({ name, value }, 'query'));
  const parts: UrlParts = { baseUri, encodedBaseUri: percentEncode(baseUri), query };
  if (keep) {
    urlCache.set(url, parts);
    if (urlCache.size > URL_CACHE_LIMIT) urlCache.delete(urlCache.keys().next().value as string);
  }
  return parts;
}

/** Whether a URL's parse is being kept for the next send (tests check that a URL with a secret never is). */
export function isUrlKept(url: string): boolean {
  return urlCache.has(url);
}

/** Sorts by encoded name, then encoded value. Insertion sort: a request has a dozen or so parameters. */
function sortEncoded(params: EncodedParam[]): void {
  for (let i = 1; i < params.length; i++) {
    const item = params[i] as EncodedParam;
    let j = i - 1;
    while (j >= 0 && compareEncoded(params[j] as EncodedParam, item) > 0) {
      params[j + 1] = params[j] as EncodedParam;
      j--;
    }
    params[j + 1] = item;
  }
}

function compareEncoded(a: EncodedParam, b: EncodedParam): number {
  return compareBytes(a.encodedName, b.encodedName) || compareBytes(a.encodedValue, b.encodedValue);
}

/**
 * Section 3.4.1.1: METHOD&encoded-URI&encoded-normalized-params (the params
 * end up encoded twice). Each name and value is encoded once and the third
 * part is written from those encodings (its '=' and '&' as %3D and %26)
 * rather than by encoding the joined string again: this runs on every
 * OAuth 1.0a send.
 */
export function buildEncodedBaseString(
  method: string,
  url: string,
  body: RequestBody,
  oauthParams: readonly FormPair[],
  /** Whether this URL's parse may be kept for later sends: only when it holds no secret. */
  keepUrl = false,
): EncodedBaseString {
  const { baseUri, encodedBaseUri, query } = urlParts(url, keepUrl);
  const sorted: EncodedParam[] = query.slice();
  for (const pair of bodyParams(body)) sorted.push(encoded(pair, 'body'));
  const oauth: EncodedParam[] = [];
  for (const pair of oauthParams) {
    const param = encoded(pair, 'oauth');
    oauth.push(param);
    sorted.push(param);
  }
  // The parameters in the order collected; each is a SourcedParam with its encodings besides.
  const params: readonly SourcedParam[] = sorted.slice();
  sortEncoded(sorted);
  let normalizedParams = '';
  let encodedParams = '';
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i] as EncodedParam;
    normalizedParams += `${i === 0 ? '' : '&'}${p.encodedName}=${p.encodedValue}`;
    encodedParams += `${i === 0 ? '' : '%26'}${p.twiceName}%3D${p.twiceValue}`;
  }
  const upper = method.toUpperCase();
  const baseString = `${percentEncode(upper)}&${encodedBaseUri}&${encodedParams}`;
  return { method: upper, baseUri, params, normalizedParams, baseString, sorted, oauth };
}

/** Section 3.4.1.1 as plain parts (compare mode, the diagnosis). */
export function buildBaseString(method: string, url: string, body: RequestBody, oauthParams: readonly FormPair[]): BaseStringParts {
  const { method: upper, baseUri, params, normalizedParams, baseString } = buildEncodedBaseString(method, url, body, oauthParams);
  return { method: upper, baseUri, params, normalizedParams, baseString };
}
