import { JSONPath } from 'jsonpath-plus';

export type FilterResult = { matches: unknown[] } | { error: string };

/**
 * A JSONPath run over the response, with jsonpath-plus: the library main's
 * assertions and flow captures use, so a path tried here behaves the same
 * there. Filter expressions run in its own evaluator ('safe'), never as
 * JavaScript. jsonpath-plus quietly reads an unclosed bracket as closed, so
 * the shape is checked first and a mistake is named with its place.
 */
export function filterJson(json: unknown, path: string): FilterResult {
  const text = path.trim();
  const shape = shapeProblem(text);
  if (shape) return { error: shape };
  if (json === null || typeof json !== 'object') return { matches: text === '$' ? [json] : [] };
  try {
    return { matches: JSONPath({ path: text, json, wrap: true, eval: 'safe' }) as unknown[] };
  } catch (error) {
    return { error: `This JSONPath cannot be run: ${error instanceof Error ? error.message : 'unreadable'}.` };
  }
}

const CLOSE: Record<string, string> = { '[': ']', '(': ')' };

function shapeProblem(path: string): string | null {
  if (!path.startsWith('$')) return 'A JSONPath starts with $, e.g. $.data[0].id or $..amount.';
  const open: { char: string; at: number }[] = [];
  let quote: { char: string; at: number } | null = null;
  for (let at = 0; at < path.length; at++) {
    const char = path[at] as string;
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote.char) quote = null;
    } else if (char === "'" || char === '"') quote = { char, at };
    else if (char === '[' || char === '(') open.push({ char, at });
    else if (char === ']' || char === ')') {
      const last = open.pop();
      if (!last || CLOSE[last.char] !== char) return `Unexpected ${char} at character ${at + 1}.`;
    }
  }
  if (quote) return `The quote at character ${quote.at + 1} is not closed.`;
  const last = open.pop();
  if (last) return `The ${last.char} at character ${last.at + 1} is not closed.`;
  if (path.endsWith('.') && !path.endsWith('..')) return 'A JSONPath cannot end with ".": name a key after it.';
  return null;
}
