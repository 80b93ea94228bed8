import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellWords } from '../../../main/workspace/curl/shell-words.ts';

// Quoting as bash users and tools do; tokenizing the result must give back the words.
const singleQuoted = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
const doubleQuoted = (word: string): string => `"${word.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
const backslashed = (word: string): string => (word === '' ? "''" : word.replace(/[^A-Za-z0-9_./:=@%+,-]/g, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`)));

const word = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', "'", '"', '\\', '$', '`', '&', '=', '{', '}', '\t', 'é', '-', '\n'), maxLength: 12 });

describe('shellWords round trip', () => {
  it.each([
    ['single quotes', singleQuoted],
    ['double quotes', doubleQuoted],
    ['backslash escapes', backslashed],
  ])('gives back any words quoted with %s', (_label, quote) => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '  ', ' \\\n  ', '\t'), (words, gap) => {
        expect(shellWords(words.map(quote).join(gap))).toEqual(words);
      }),
      { numRuns: 300 },
    );
  });
});
