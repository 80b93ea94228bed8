import type { TreeEntry, TreeListing } from '../../../../main/contract/workspace.ts';

export type TreeRow = { entry: TreeEntry; depth: number; expanded: boolean };

/**
 * The sidebar's rows in display order. With a filter only `visible` ids show
 * and every container is open, so matches are never hidden in a closed folder.
 */
export function flattenTree(listing: TreeListing, byId: ReadonlyMap<string, TreeEntry>, collapsed: ReadonlySet<string>, visible: ReadonlySet<string> | null): TreeRow[] {
  const rows: TreeRow[] = [];
  // An explicit stack rather than recursion: deep trees of thousands of nodes stay cheap.
  const stack: { id: string; depth: number }[] = listing.collections.map((id) => ({ id, depth: 0 })).reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const entry = byId.get(item.id);
    if (!entry || (visible && !visible.has(entry.id))) continue;
    const container = entry.kind !== 'request';
    const expanded = container && (visible !== null || !collapsed.has(entry.id));
    rows.push({ entry, depth: item.depth, expanded });
    if (expanded && entry.children) {
      for (let index = entry.children.length - 1; index >= 0; index--) {
        const child = entry.children[index];
        if (child !== undefined) stack.push({ id: child, depth: item.depth + 1 });
      }
    }
  }
  return rows;
}

/** The collection a node belongs to, by walking parent links. */
export function collectionOf(byId: ReadonlyMap<string, TreeEntry>, id: string): TreeEntry | undefined {
  let entry = byId.get(id);
  for (let guard = 0; entry && entry.parentId !== null && guard < 1000; guard++) entry = byId.get(entry.parentId);
  return entry?.kind === 'collection' ? entry : undefined;
}
