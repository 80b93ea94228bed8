import { INPUT_LIMITS } from '../core/input-guard.ts';

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A byte scan of a JSON body before JSON.parse builds it: refuses nesting or
 * element counts the input guard would refuse anyway, so a body of millions
 * of tiny elements costs one pass over its bytes, not millions of objects.
 * It never refuses what the guard accepts: each comma separates two entries
 * (so entries > commas), and N open brackets put a value at depth N - 1 or
 * deeper. Malformed JSON is left for JSON.parse to report. Returns why, or null.
 */
export function preflightJson(body: Uint8Array): string | null {
  let depth = 0;
  let commas = 0;
  let inString = false;
  for (let index = 0; index < body.length; index++) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    switch (byte) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (++depth > INPUT_LIMITS.maxDepth + 1) return `nested deeper than ${INPUT_LIMITS.maxDepth} levels`;
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        depth--;
        break;
      case COMMA:
        if (++commas >= INPUT_LIMITS.maxKeys) return `more than ${INPUT_LIMITS.maxKeys} keys in all`;
        break;
    }
  }
  return null;
}
