/** At most this many matches are marked: enough to count on, cheap on a megabyte of text. */
export const MAX_MATCHES = 10_000;

/**
 * Every case-insensitive occurrence of `query` in the text under `root`, as
 * DOM ranges in document order. A match never spans two text nodes (a JSON
 * key and its value are apart anyway).
 */
export function findMatches(root: Node, query: string): Range[] {
  if (query === '') return [];
  const needle = query.toLocaleLowerCase();
  const ranges: Range[] = [];
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const hay = (node.nodeValue ?? '').toLocaleLowerCase();
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) {
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
      if (ranges.length >= MAX_MATCHES) return ranges;
    }
  }
  return ranges;
}

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
type HighlightConstructor = new (...ranges: Range[]) => unknown;

/** The CSS Custom Highlight API where the browser has it: marks ranges without touching the DOM React renders. */
function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightConstructor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightConstructor }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

export const HIGHLIGHT_ALL = 'response-search';
export const HIGHLIGHT_CURRENT = 'response-search-current';

export function paintMatches(ranges: readonly Range[], current: number): void {
  const api = highlightApi();
  if (!api) return;
  const now = ranges[current];
  api.registry.set(HIGHLIGHT_ALL, new api.Highlight(...ranges.filter((_, index) => index !== current)));
  if (now) api.registry.set(HIGHLIGHT_CURRENT, new api.Highlight(now));
  else api.registry.delete(HIGHLIGHT_CURRENT);
}

export function clearMatches(): void {
  const api = highlightApi();
  api?.registry.delete(HIGHLIGHT_ALL);
  api?.registry.delete(HIGHLIGHT_CURRENT);
}

/** Opens every folded JSON node around a match and scrolls it into view. */
export function reveal(range: Range): void {
  let element: Element | null = range.startContainer.parentElement;
  const target = element;
  for (; element !== null; element = element.parentElement) {
    if (element instanceof HTMLDetailsElement && !element.open) element.open = true;
  }
  // jsdom has no layout (no scrollIntoView); a real window does.
  if (target && typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
