/**
 * RFC 3986 percent-encoding as OAuth 1.0a (RFC 5849 section 3.6) requires:
 * only unreserved characters stay, every other UTF-8 byte becomes %XX with
 * upper-case hex. encodeURIComponent leaves !'()* alone and throws on lone
 * surrogates, so those become U+FFFD first, as a UTF-8 encoder would.
 */
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const SUB_DELIMS_LEFT_BY_ENCODE_URI = /[!'()*]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SUB_DELIM_CODES: Readonly<Record<string, string>> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };
const HAS_SUB_DELIM = /[!'()*]/;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

export function percentEncode(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  // The checks before each replace keep the common case free of extra string copies.
  const wellFormed = HAS_SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '\uFFFD') : value;
  const encoded = encodeURIComponent(wellFormed);
  return HAS_SUB_DELIM.test(encoded) ? encoded.replace(SUB_DELIMS_LEFT_BY_ENCODE_URI, (char) => SUB_DELIM_CODES[char] ?? char) : encoded;
}

/** Decodes one percent-encoded component; `+` is a literal plus here (not form decoding). */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
