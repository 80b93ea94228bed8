/**
 * A `{{…}}` template split once into its literal text and the names between
 * the braces, so a send resolves each field by joining pieces instead of
 * scanning it with a RegExp again. Templates hold names, never values, so
 * parsed ones are kept (bounded) across sends.
 */
export type ParsedTemplate = {
  /** Text around the names: always one more than `names`. */
  readonly literals: readonly string[];
  /** What is between each pair of braces, trimmed (`secret:key`, `$uuid`, `baseUrl`). */
  readonly names: readonly string[];
  /** The secret names the template reads, trimmed, in order. */
  readonly secrets: readonly string[];
};

const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const SECRET = 'secret:';
const CACHED = 1024;
/** Longer texts (a large JSON body) are parsed each time rather than kept. */
const CACHED_LENGTH = 4096;
const cache = new Map<string, ParsedTemplate>();

export function parseTemplate(text: string): ParsedTemplate {
  const found = cache.get(text);
  if (found !== undefined) return found;
  const literals: string[] = [];
  const names: string[] = [];
  const secrets: string[] = [];
  let last = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    const name = match[1] ?? '';
    literals.push(text.slice(last, match.index));
    names.push(name);
    if (name.startsWith(SECRET)) secrets.push(name.slice(SECRET.length).trim());
    last = match.index + match[0].length;
  }
  literals.push(text.slice(last));
  const parsed = { literals, names, secrets };
  if (text.length <= CACHED_LENGTH) {
    if (cache.size >= CACHED) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}
