import type { TreeEntry } from '../../../../main/contract/workspace.ts';

// Lower-cased search text per entry; a new listing brings new entry objects, so nothing stale is kept.
const haystacks = new WeakMap<TreeEntry, string>();

function haystack(entry: TreeEntry): string {
  let text = haystacks.get(entry);
  if (text === undefined) {
    text = (entry.kind === 'request' ? `${entry.method ?? ''} ${entry.name} ${entry.url ?? ''}` : entry.name).toLowerCase();
    haystacks.set(entry, text);
  }
  return text;
}

/**
 * The sidebar filter, on the listing the renderer already holds (no round
 * trip to main per keystroke): every whitespace-separated term must appear in
 * an item's name, or a request's method or URL. Matches and their ancestors
 * are visible; null means no filter. Same rule as main's filterTree.
 */
export function filterListing(entries: readonly TreeEntry[], byId: ReadonlyMap<string, TreeEntry>, text: string): ReadonlySet<string> | null {
  const terms = text.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
  if (terms.length === 0) return null;
  const visible = new Set<string>();
  for (const entry of entries) {
    const hay = haystack(entry);
    if (!terms.every((term) => hay.includes(term))) continue;
    // Walk up until an ancestor is already shown: each chain is added once.
    for (let at: TreeEntry | undefined = entry; at && !visible.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) visible.add(at.id);
  }
  return visible;
}
