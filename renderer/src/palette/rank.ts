import fuzzysort, { type Prepared } from 'fuzzysort';

export type PaletteKind = 'request' | 'environment' | 'flow' | 'page' | 'action';

/** One thing the palette can find. `run` may be async: the palette stays open with the error if it fails. */
export type PaletteItem = { key: string; kind: PaletteKind; label: string; detail: string; run: () => void | Promise<void> };

export const MAX_SHOWN = 50;

const ORDER: PaletteKind[] = ['action', 'page', 'environment', 'flow', 'request'];

/** Items with their search text prepared once, so each keystroke only matches (10,000 requests stay quick). */
export type Searchable = { items: readonly PaletteItem[]; targets: { item: PaletteItem; target: Prepared }[] };

export function searchable(items: readonly PaletteItem[]): Searchable {
  const sorted = [...items].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return { items: sorted, targets: sorted.map((item) => ({ item, target: fuzzysort.prepare(`${item.label}  ${item.detail}`) })) };
}

/**
 * The items that match `query`, best first, at most MAX_SHOWN. Letters may be
 * apart ("crord" finds "Create order"); a request's method and place count
 * (its detail). With nothing typed, actions and pages come first.
 */
export function rank(search: Searchable, query: string): PaletteItem[] {
  const text = query.trim();
  if (text === '') return search.items.slice(0, MAX_SHOWN);
  return fuzzysort.go(text, search.targets, { key: 'target', limit: MAX_SHOWN, threshold: 0.2 }).map((result) => result.obj.item);
}
