/**
 * A quick "no" before the redactor's RegExp: most strings that leave main
 * (labels, ids, timestamps, signatures) hold no secret form, and a RegExp of
 * every form tried at every position is the costly part of saying so.
 *
 * Every form is at least `shortest` long, so any occurrence of one covers a
 * whole run of GRAM characters starting at a multiple of
 * `shortest - GRAM + 1`. The filter remembers (in a bit set) every GRAM-long
 * run of every form, and looks only at the runs starting at those multiples:
 * when none of them is a form's, no form is in the text. A run it does know
 * (or a hash collision) only means the RegExp decides, as before; so the
 * filter can say "maybe" wrongly but never "no" wrongly.
 */

const GRAM = 4;
/** Below this the stride is so short that the RegExp alone is about as quick. */
const MIN_FORM_LENGTH = 8;
/** About 1 in 64 probes of a text holding no form hits a set bit (for a few secrets); at most 64 KiB per set. */
const BITS_PER_GRAM = 64;
const MIN_BITS_LOG = 10;
const MAX_BITS_LOG = 19;

export type FormPrefilter = (text: string) => boolean;

function gramHash(text: string, at: number, shift: number): number {
  let h = text.charCodeAt(at);
  h = Math.imul(h, 31) + text.charCodeAt(at + 1);
  h = Math.imul(h, 31) + text.charCodeAt(at + 2);
  h = Math.imul(h, 31) + text.charCodeAt(at + 3);
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

/**
 * `mayHold(text)` for the forms: false only when the text holds none of them.
 * Undefined when the shortest form is too short for the filter to pay.
 */
export function formPrefilter(forms: readonly string[]): FormPrefilter | undefined {
  if (forms.length === 0) return () => false;
  let shortest = Infinity;
  let grams = 0;
  for (const form of forms) {
    shortest = Math.min(shortest, form.length);
    grams += form.length - GRAM + 1;
  }
  if (shortest < MIN_FORM_LENGTH) return undefined;
  const bitsLog = Math.min(MAX_BITS_LOG, Math.max(MIN_BITS_LOG, Math.ceil(Math.log2(grams * BITS_PER_GRAM))));
  const shift = 32 - bitsLog;
  const bits = new Uint32Array(2 ** (bitsLog - 5));
  for (const form of forms) {
    for (let at = 0; at + GRAM <= form.length; at++) {
      const h = gramHash(form, at, shift);
      bits[h >>> 5] = (bits[h >>> 5] ?? 0) | (1 << (h & 31));
    }
  }
  const stride = shortest - GRAM + 1;
  return (text) => {
    for (let at = 0; at + GRAM <= text.length; at += stride) {
      const h = gramHash(text, at, shift);
      if (((bits[h >>> 5] ?? 0) & (1 << (h & 31))) !== 0) return true;
    }
    return false;
  };
}
