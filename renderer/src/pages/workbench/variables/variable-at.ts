const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The `{{name}}` the caret is inside (between its braces), or null. */
export function variableAt(text: string, caret: number | null): string | null {
  if (caret === null) return null;
  for (const match of text.matchAll(TEMPLATE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (caret > start && caret < end) return match[1] ?? null;
    if (start >= caret) break;
  }
  return null;
}
