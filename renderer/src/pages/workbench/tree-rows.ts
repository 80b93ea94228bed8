import type { TreeEntry, TreeListing } from '../../../../main/contract/workspace.ts';

/** `position` and `siblings` are 1-based among the siblings shown: a virtualised tree must tell screen readers what they cannot count. */
export type TreeRow = { entry: TreeEntry; depth: number; expanded: boolean; position: number; siblings: number };

/**
 * The sidebar's rows in display order. With a filter only `visible` ids show
 * and every container is open, so matches are never hidden in a closed folder.
 */
export function flattenTree(listing: TreeListing, byId: ReadonlyMap<string, TreeEntry>, collapsed: ReadonlySet<string>, visible: ReadonlySet<string> | null): TreeRow[] {
  const rows: TreeRow[] = [];
  // Plain loops: this runs on every tree change and filter keystroke, over up to 10,000 rows.
  const shown = (ids: readonly string[]): TreeEntry[] => {
    const entries: TreeEntry[] = [];
    for (const id of ids) {
      const entry = byId.get(id);
      if (entry && (!visible || visible.has(id))) entries.push(entry);
    }
    return entries;
  };
  type Item = { entry: TreeEntry; depth: number; position: number; siblings: number };
  const push = (stack: Item[], entries: TreeEntry[], depth: number) => {
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = entries[index];
      if (entry) stack.push({ entry, depth, position: index + 1, siblings: entries.length });
    }
  };
  // An explicit stack rather than recursion: deep trees of thousands of nodes stay cheap.
  const stack: Item[] = [];
  push(stack, shown(listing.collections), 0);
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { entry } = item;
    const container = entry.kind !== 'request';
    const expanded = container && (visible !== null || !collapsed.has(entry.id));
    rows.push({ entry, depth: item.depth, expanded, position: item.position, siblings: item.siblings });
    if (expanded && entry.children) push(stack, shown(entry.children), item.depth + 1);
  }
  return rows;
}

/** The collection a node belongs to, by walking parent links. */
export function collectionOf(byId: ReadonlyMap<string, TreeEntry>, id: string): TreeEntry | undefined {
  let entry = byId.get(id);
  for (let guard = 0; entry && entry.parentId !== null && guard < 1000; guard++) entry = byId.get(entry.parentId);
  return entry?.kind === 'collection' ? entry : undefined;
}
