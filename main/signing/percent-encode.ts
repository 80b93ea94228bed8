/**
 * RFC 3986 percent-encoding as OAuth 1.0a (RFC 5849 section 3.6) requires:
 * only unreserved characters stay, every other UTF-8 byte becomes %XX with
 * upper-case hex. encodeURIComponent leaves !'()* alone and throws on lone
 * surrogates, so those become U+FFFD first, as a UTF-8 encoder would.
 */
const SUB_DELIMS_LEFT_BY_ENCODE_URI = /[!'()*]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SUB_DELIM_CODES: Readonly<Record<string, string>> = { '!': '%21', "'": '%27', '(': '%28', ')': '%29', '*': '%2A' };
const HAS_SUB_DELIM = /[!'()*]/;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** 1 for each unreserved ASCII code (the character stays as it is). */
const UNRESERVED = new Uint8Array(128);
for (let code = 0; code < 128; code++) UNRESERVED[code] = /[A-Za-z0-9\-._~]/.test(String.fromCharCode(code)) ? 1 : 0;
/** %XX for each ASCII code, and the same encoded twice (%25XX). */
const ESCAPES: readonly string[] = Array.from({ length: 128 }, (_, code) => `%${code.toString(16).toUpperCase().padStart(2, '0')}`);
const ESCAPES_TWICE: readonly string[] = ESCAPES.map((escape) => `%25${escape.slice(1)}`);

/** Any text, non-ASCII included: encodeURIComponent does the UTF-8. */
function encodeWide(value: string): string {
  // The checks before each replace keep the common case free of extra string copies.
  const wellFormed = HAS_SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '\uFFFD') : value;
  const encoded = encodeURIComponent(wellFormed);
  return HAS_SUB_DELIM.test(encoded) ? encoded.replace(SUB_DELIMS_LEFT_BY_ENCODE_URI, (char) => SUB_DELIM_CODES[char] ?? char) : encoded;
}

const encodeWideTwice = (value: string): string => encodeWide(value).replaceAll('%', '%25');

/**
 * Runs on every name and value of every OAuth 1.0a send (and every form
 * body), so ASCII is escaped from a table in one pass, returning the string
 * itself when nothing needs escaping; from the first non-ASCII character on,
 * the wide encoder takes over.
 */
function escapeWith(value: string, escapes: readonly string[], wide: (rest: string) => string): string {
  const length = value.length;
  let i = 0;
  while (i < length) {
    const code = value.charCodeAt(i);
    if (code >= 128 || UNRESERVED[code] === 0) break;
    i++;
  }
  if (i === length) return value;
  let out = value.slice(0, i);
  let from = i;
  for (; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) return out + wide(value.slice(from));
    if (UNRESERVED[code] === 0) {
      out += value.slice(from, i) + (escapes[code] as string);
      from = i + 1;
    }
  }
  return out + value.slice(from);
}

export function percentEncode(value: string): string {
  return escapeWith(value, ESCAPES, encodeWide);
}

/** percentEncode(percentEncode(value)) in one pass: OAuth 1.0a's base string holds each parameter encoded twice. */
export function percentEncodeTwice(value: string): string {
  return escapeWith(value, ESCAPES_TWICE, encodeWideTwice);
}

/** Decodes one percent-encoded component; `+` is a literal plus here (not form decoding). */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
