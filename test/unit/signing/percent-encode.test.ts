import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentEncode, percentEncodeTwice } from '../../../main/signing/percent-encode.ts';

/** RFC 3986 encoding written the plain way, to hold the table-driven encoder to: lone surrogates as U+FFFD, then encodeURIComponent plus !'()*. */
function reference(value: string): string {
  const wellFormed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Any UTF-16 code unit, lone surrogates included, plus the characters OAuth clients most often get wrong. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom(' ', '~', '*', '!', "'", '(', ')', '+', '&', '=', '%', '/', '?', '#', '-', '.', '_', 'é', '€', '😀', '\u007f', '\u0080'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const text = fc.array(unit, { maxLength: 12 }).map((parts) => parts.join(''));

describe('percentEncode (RFC 3986 as RFC 5849 3.6 asks)', () => {
  it('agrees with encodeURIComponent plus !\'()* on any text, lone surrogates as U+FFFD', () => {
    fc.assert(fc.property(text, (value) => {
        expect(percentEncode(value)).toBe(reference(value));
      }), { numRuns: 2000 });
  });

  it('every ASCII character: unreserved ones stay, the rest become upper-case %XX', () => {
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      expect(percentEncode(`a${char}b`)).toBe(reference(`a${char}b`));
    }
    expect(percentEncode("A-z_0.9~ !*'()")).toBe('A-z_0.9~%20%21%2A%27%28%29');
  });

  it('non-ASCII after escaped ASCII is encoded as UTF-8 bytes', () => {
    expect(percentEncode('a b€ c😀')).toBe('a%20b%E2%82%AC%20c%F0%9F%98%80');
    expect(percentEncode('x\uD800y')).toBe('x%EF%BF%BDy');
  });

  it('percentEncodeTwice is percentEncode applied twice (the base string\'s parameters)', () => {
    fc.assert(fc.property(text, (value) => {
        expect(percentEncodeTwice(value)).toBe(percentEncode(percentEncode(value)));
      }), { numRuns: 2000 });
    expect(percentEncodeTwice('Test Bank!')).toBe('Test%2520Bank%2521');
  });
});
