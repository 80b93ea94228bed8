/**
 * The one redactor: every value that leaves main passes through a Redactor
 * that knows the secret values in play (a send's, a flow run's, or the
 * process-wide ledger's) and replaces each of their encoded forms.
 *
 * It lives in core because every layer (signing, requests, flows, inbox, the
 * dispatcher and the event bus) must be able to import it, and it imports
 * nothing but Node (and its own prefilter beside it).
 */

import { formPrefilter, type FormPrefilter } from './form-prefilter.ts';

export const REDACTED = '[redacted]';

/**
 * Values at least this long are replaced wherever they occur. A shorter one
 * (a 4-digit PIN, a short merchant password) is replaced only as a whole
 * token, never inside a longer run of letters or digits: as a plain
 * substring it would cut ordinary words, numbers and ids out of every output.
 */
export const MIN_SECRET_LENGTH = 6;

/**
 * A letter or digit on either side makes an occurrence part of a longer
 * token, where a short value is left alone. The RegExp checks ASCII
 * neighbours; a non-ASCII one is checked per match (WORD_CHARACTER), since a
 * Unicode property class makes the RegExp 20 times slower to build. Binary
 * previews (read as latin1) check ASCII only: there a short value next to a
 * multi-byte character is still cut.
 */
const NOT_IN_ASCII_TOKEN_BEFORE = '(?<![0-9A-Za-z])';
const NOT_IN_ASCII_TOKEN_AFTER = '(?![0-9A-Za-z])';
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** What a binary preview that held a secret is replaced by. */
export const BINARY_REDACTED_NOTE = `${REDACTED} (a binary body that held a secret value)`;

const SUB_DELIMS = /[!'()*]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** As a UTF-8 encoder sees the text: a lone surrogate becomes U+FFFD (encodeURIComponent would throw on it). */
const wellFormed = (value: string): string => value.replace(LONE_SURROGATE, '\uFFFD');

/** RFC 3986 percent-encoding (OAuth, strict encoders): encodeURIComponent plus !'()*. Lone surrogates become U+FFFD as a UTF-8 encoder would. */
function percentEncode(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(SUB_DELIMS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** JSON escaping that also writes every non-ASCII character as \uXXXX, as some serializers do. */
function jsonAsciiEscape(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Every form a secret takes on its way into a request or a response: as
 * typed; percent-encoded once and twice (OAuth base strings encode keys
 * twice) by both RFC 3986 and encodeURIComponent rules; form-encoded (space
 * as +); base64 (padded and not) and base64url;
 * hex in lower and upper case; JSON-escaped (plain and ASCII-only).
 */
export function encodedForms(secret: string): string[] {
  return secret.length < MIN_SECRET_LENGTH ? [] : derivedForms(secret);
}

/** The forms above for a value of any length (a short value's are matched as whole tokens only). */
function derivedForms(secret: string): string[] {
  const bytes = Buffer.from(wellFormed(secret), 'utf8');
  const once = percentEncode(secret);
  const hex = bytes.toString('hex');
  const forms = new Set([
    secret,
    once,
    percentEncode(once),
    encodeURIComponent(wellFormed(secret)),
    new URLSearchParams({ s: secret }).toString().slice(2),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    hex,
    hex.toUpperCase(),
    JSON.stringify(secret).slice(1, -1),
    jsonAsciiEscape(secret),
  ]);
  forms.delete('');
  return [...forms];
}

/** The Authorization: Basic value for a user and secret (RFC 7617), which hides the secret inside one base64 run. */
export function basicPairForm(user: string, secret: string): string {
  return Buffer.from(`${user}:${secret}`, 'utf8').toString('base64');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * `test` is a quick first check and `replace` the real one. With short values
 * known, `whole` holds their forms and `wholeTest` finds them anywhere (a
 * RegExp that starts with a lookbehind scans several times slower), and
 * `test` covers the other forms only.
 */
type Matcher = {
  test: RegExp;
  /** Says quickly that a text holds none of `test`'s forms (absent when they are too short for it to pay). */
  quick: FormPrefilter | undefined;
  replace: RegExp;
  bytes: RegExp;
  shortest: number;
  whole?: ReadonlySet<string>;
  wholeTest?: RegExp;
};

/**
 * Forms and matchers are reused across redactors: a send's signing builds a
 * redactor for the same few secrets every time, and computing twelve
 * encodings and compiling three RegExps per send was most of a signature's
 * cost. The caches (forms, Basic pairs, the matcher tree below) are bounded,
 * hold only what a live redactor held (never anything a redacted text held),
 * and are emptied by any redactor's clear() (the ledger's runs when the vault locks).
 */
const CACHED_VALUES = 256;
const CACHED_MATCHER_NODES = 128;
const formsCache = new Map<string, readonly string[]>();
/** Basic pairs by user and secret, apart from values so no value can ever be read as a pair. */
const pairCache = new Map<string, readonly string[]>();

/**
 * The key's cached entry, or a new one; beyond `limit` the oldest made goes.
 * Oldest made, not least used: a hit costs one lookup (every send adds its
 * values), and a value dropped while still in use is only worked out again.
 */
function remember<V>(cache: Map<string, V>, key: string, limit: number, make: () => V): V {
  const found = cache.get(key);
  if (found !== undefined) return found;
  const made = make();
  cache.set(key, made);
  if (cache.size > limit) cache.delete(cache.keys().next().value as string);
  return made;
}

/**
 * Matchers hang in a tree whose edges are the cached form lists in the order
 * a redactor took them: two redactors that added the same values in the same
 * order stand on the same node and share its matcher, found by following
 * object identities rather than by naming the set in a string per send. The
 * tree is dropped whole beyond CACHED_MATCHER_NODES nodes (a redactor still
 * standing in the old one keeps working; it is only not shared).
 */
type MatcherNode = { matcher: Matcher | null | undefined; readonly next: Map<readonly string[], MatcherNode> };
const newNode = (): MatcherNode => ({ matcher: undefined, next: new Map() });
let matcherRoot = newNode();
let matcherNodes = 0;

function nextNode(node: MatcherNode, forms: readonly string[]): MatcherNode {
  const found = node.next.get(forms);
  if (found !== undefined) return found;
  if (++matcherNodes > CACHED_MATCHER_NODES) {
    matcherRoot = newNode();
    matcherNodes = 1;
  }
  const made = newNode();
  node.next.set(forms, made);
  return made;
}

/**
 * The matcher when short values are known: their forms only where no letter
 * or digit touches them, every other form anywhere (a form a long value
 * shares with a short one is matched anywhere). Built only then, so a
 * redactor of long values alone keeps the plain matcher.
 */
function wholeTokenMatcher(forms: readonly string[], values: ReadonlyMap<string, readonly string[]>, short: Set<string>): Matcher {
  for (const [value, valueForms] of values) if (value.length >= MIN_SECRET_LENGTH) for (const form of valueForms) short.delete(form);
  const anywhere = forms.filter((form) => !short.has(form));
  const whole = forms.filter((form) => short.has(form));
  const alternatives = (escape: (form: string) => string) => [...anywhere.map(escape), `${NOT_IN_ASCII_TOKEN_BEFORE}(?:${whole.map(escape).join('|')})${NOT_IN_ASCII_TOKEN_AFTER}`].join('|');
  const source = alternatives(escapeRegExp);
  return {
    // (?!) never matches: with short values only, wholeTest alone finds candidates.
    test: new RegExp(anywhere.length > 0 ? anywhere.map(escapeRegExp).join('|') : '(?!)'),
    quick: formPrefilter(anywhere),
    replace: new RegExp(source, 'g'),
    bytes: new RegExp(alternatives((form) => escapeRegExp(Buffer.from(form, 'utf8').toString('latin1')))),
    shortest: forms.at(-1)?.length ?? 0,
    whole: short,
    wholeTest: new RegExp(whole.map(escapeRegExp).join('|')),
  };
}

/** The quick check: whether the text may hold a form (a short value's may still be part of a longer token). */
function mayHold(matcher: Matcher, text: string): boolean {
  if (text.length < matcher.shortest) return false;
  if ((matcher.quick === undefined || matcher.quick(text)) && matcher.test.test(text)) return true;
  return matcher.wholeTest !== undefined && matcher.wholeTest.test(text);
}

/** Whether the character just before `start`, or at `end`, is a letter or digit (a surrogate pair read as one character). */
function touchesWord(text: string, start: number, end: number): boolean {
  const before = text.codePointAt(start - 2);
  const previous = before !== undefined && before > 0xffff ? String.fromCodePoint(before) : text.charAt(start - 1);
  const next = text.codePointAt(end);
  return (previous !== '' && WORD_CHARACTER.test(previous)) || (next !== undefined && WORD_CHARACTER.test(String.fromCodePoint(next)));
}

/** The text with every match replaced, except a short value's form that a letter or digit touches. */
function replaceForms(matcher: Matcher, text: string, replacement: string): string {
  const whole = matcher.whole;
  if (whole === undefined) return text.replace(matcher.replace, () => replacement);
  return text.replace(matcher.replace, (match: string, offset: number) => (whole.has(match) && touchesWord(text, offset, offset + match.length) ? match : replacement));
}

/** Whether the text holds a form the matcher would replace. */
function holdsForm(matcher: Matcher, text: string): boolean {
  if (!mayHold(matcher, text)) return false;
  const whole = matcher.whole;
  if (whole === undefined) return true;
  for (const found of text.matchAll(matcher.replace)) if (!whole.has(found[0]) || !touchesWord(text, found.index, found.index + found[0].length)) return true;
  return false;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Knows secret values and replaces each of their encoded forms with
 * `[redacted]`. Forms are computed once per value when it is added; the
 * matcher is one RegExp of all forms, longest first (so a secret that holds
 * another is removed whole), behind a prefilter, built once for each set of
 * values (in the order added) and shared by the redactors that hold it.
 */
export class Redactor {
  /** value -> its forms; the raw values stay in main and are only ever compared against. */
  readonly #values = new Map<string, readonly string[]>();
  /** Where this redactor's values (in the order added) lead in the matcher tree. */
  #node = matcherRoot;

  /** Adds a secret value (one shorter than MIN_SECRET_LENGTH is replaced as a whole token only; "" is ignored). Returns this. */
  add(value: string): this {
    if (value === '' || this.#values.has(value)) return this;
    this.#take(value, remember(formsCache, value, CACHED_VALUES, () => derivedForms(value)));
    return this;
  }

  addAll(values: Iterable<string>): this {
    for (const value of values) this.add(value);
    return this;
  }

  /** The secret, and the base64 of `user:secret` as an Authorization: Basic header carries it. */
  addBasicPair(user: string, secret: string): this {
    this.add(secret);
    const key = `\u0000basic\u0000${user}\u0000${secret}`;
    if (secret === '' || this.#values.has(key)) return this;
    this.#take(
      key,
      remember(pairCache, key, CACHED_VALUES, () => {
        const pair = basicPairForm(user, secret);
        return [pair, pair.replace(/=+$/, '')];
      }),
    );
    return this;
  }

  /** Takes every value (and its already computed forms) another redactor knows. */
  absorb(other: Redactor): this {
    for (const [value, forms] of other.#values) if (!this.#values.has(value)) this.#take(value, forms);
    return this;
  }

  #take(value: string, forms: readonly string[]): void {
    this.#values.set(value, forms);
    this.#node = nextNode(this.#node, forms);
  }

  /** The raw secret values added (not the Basic pairs): main-side only, for code that must compare against them. */
  values(): string[] {
    return [...this.#values.keys()].filter((value) => !value.startsWith('\u0000basic\u0000'));
  }

  get size(): number {
    return this.#values.size;
  }

  clear(): void {
    this.#values.clear();
    formsCache.clear();
    pairCache.clear();
    matcherRoot = newNode();
    matcherNodes = 0;
    this.#node = matcherRoot;
  }

  /** True when the text holds any form of any known secret. */
  holdsSecret(text: string): boolean {
    const matcher = this.#matcherNow();
    return matcher !== null && holdsForm(matcher, text);
  }

  /** The text with every form of every known secret replaced (by `[redacted]` unless told otherwise). */
  redactText(text: string, replacement: string = REDACTED): string {
    const matcher = this.#matcherNow();
    if (matcher === null || !mayHold(matcher, text)) return text;
    return replaceForms(matcher, text, replacement);
  }

  /** What a log line may keep of a failure: its name, message and stack with every known secret form replaced. */
  redactError(error: unknown): unknown {
    if (!(error instanceof Error)) return typeof error === 'string' ? this.redactText(error) : this.redactDeep(error);
    const copy = new Error(this.redactText(error.message));
    copy.name = error.name;
    if (error.stack !== undefined) copy.stack = this.redactText(error.stack);
    else delete copy.stack;
    return copy;
  }

  /**
   * A copy of plain data (objects, arrays, strings, Buffers) with every
   * secret form replaced. Unchanged parts are shared, not copied, and an
   * unchanged value is returned as is. A binary preview (a Uint8Array, or a
   * `{ encoding: 'base64', data, truncated }` body preview) that holds a
   * secret is replaced by a note, since cutting bytes out would corrupt it.
   */
  redactDeep<T>(value: T): T {
    const matcher = this.#matcherNow();
    if (matcher === null) return value;
    return this.#walk(value, matcher) as T;
  }

  #walk(value: unknown, matcher: Matcher): unknown {
    if (typeof value === 'string') {
      if (matcher.whole !== undefined) return mayHold(matcher, value) ? replaceForms(matcher, value, REDACTED) : value;
      if (value.length < matcher.shortest) return value;
      // Past the prefilter the text most likely holds a form: replace at once (a text without one comes back as it was) rather than scan twice.
      if (matcher.quick === undefined ? !matcher.test.test(value) : !matcher.quick(value)) return value;
      return value.replace(matcher.replace, REDACTED);
    }
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof Uint8Array) return this.#bytesHoldSecret(value, matcher) ? Buffer.from(BINARY_REDACTED_NOTE, 'utf8') : value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const done = this.#walk(item, matcher);
        if (done !== item) {
          copy ??= value.slice();
          copy[i] = done;
        }
      }
      return copy ?? value;
    }
    if (!isPlainObject(value)) return value;
    if (value.encoding === 'base64' && typeof value.data === 'string' && typeof value.truncated === 'boolean') {
      if (this.#bytesHoldSecret(Buffer.from(value.data, 'base64'), matcher)) return { ...value, encoding: 'utf8', data: BINARY_REDACTED_NOTE };
    }
    let copy: Record<string, unknown> | undefined;
    // for…in over a plain object (no inherited enumerable keys) allocates no key array: this walk runs over every output.
    for (const key in value) {
      const item = value[key];
      const done = this.#walk(item, matcher);
      if (done !== item) {
        copy ??= { ...value };
        copy[key] = done;
      }
    }
    return copy ?? value;
  }

  #bytesHoldSecret(bytes: Uint8Array, matcher: Matcher): boolean {
    if (bytes.length < matcher.shortest) return false;
    return matcher.bytes.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  }

  #matcherNow(): Matcher | null {
    const node = this.#node;
    // The node stands for exactly these values in this order, so whoever built its matcher built this one.
    if (node.matcher === undefined) node.matcher = this.#buildMatcher();
    return node.matcher;
  }

  #buildMatcher(): Matcher | null {
    const forms = [...new Set([...this.#values.values()].flat())].sort((a, b) => b.length - a.length);
    if (forms.length === 0) return null;
    // Basic pairs' keys are longer than MIN_SECRET_LENGTH, so only short values' own forms count here.
    const whole = new Set([...this.#values].flatMap(([value, valueForms]) => (value.length < MIN_SECRET_LENGTH ? valueForms : [])));
    if (whole.size > 0) return wholeTokenMatcher(forms, this.#values, whole);
    const source = forms.map(escapeRegExp).join('|');
    // Bytes are matched as latin1 text, so each form is written as its UTF-8 bytes one char per byte.
    const byteSource = forms.map((form) => escapeRegExp(Buffer.from(form, 'utf8').toString('latin1'))).join('|');
    return {
      test: new RegExp(source),
      quick: formPrefilter(forms),
      replace: new RegExp(source, 'g'),
      bytes: new RegExp(byteSource),
      shortest: forms.at(-1)?.length ?? 0,
    };
  }
}
