import { ServiceError } from '../../contract/errors.ts';

const ANSI_C_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '?': '?' };

/**
 * Splits a pasted POSIX shell command into words the way bash would, without
 * expanding anything: 'single', "double" (with \" \\ \$ \` escapes), $'ANSI-C'
 * (what browsers' "Copy as cURL" emits), backslash escapes and
 * backslash-newline continuations. Also accepts a Windows `^` continuation at
 * a line end, since cmd-style copies get pasted too.
 */
export function shellWords(input: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const s = input.replace(/\r\n?/g, '\n');
  const finish = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '\\') {
      const next = s.charAt(i + 1);
      i += 2;
      if (next === '\n' || next === '') continue;
      word += next;
      inWord = true;
    } else if (c === '^' && s.charAt(i + 1) === '\n') {
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      finish();
      i++;
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ServiceError('invalid_input', 'The command has a single quote that is never closed.');
      word += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '$' && s.charAt(i + 1) === "'") {
      i += 2;
      for (;;) {
        if (i >= s.length) throw new ServiceError('invalid_input', "The command has a $'...' quote that is never closed.");
        const d = s.charAt(i);
        if (d === "'") break;
        if (d === '\\') {
          const e = s.charAt(i + 1);
          const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i + 1, i + 4));
          const uni = /^u([0-9a-fA-F]{4})/.exec(s.slice(i + 1, i + 6));
          if (hex?.[1] !== undefined) {
            word += String.fromCharCode(parseInt(hex[1], 16));
            i += 1 + hex[0].length;
          } else if (uni?.[1] !== undefined) {
            word += String.fromCharCode(parseInt(uni[1], 16));
            i += 1 + uni[0].length;
          } else {
            word += ANSI_C_ESCAPES[e] ?? `\\${e}`;
            i += 2;
          }
          continue;
        }
        word += d;
        i++;
      }
      inWord = true;
      i++;
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new ServiceError('invalid_input', 'The command has a double quote that is never closed.');
        const d = s.charAt(i);
        if (d === '"') break;
        if (d === '\\' && '"\\$`\n'.includes(s.charAt(i + 1))) {
          const e = s.charAt(i + 1);
          if (e !== '\n') word += e;
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      inWord = true;
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  finish();
  return words;
}
