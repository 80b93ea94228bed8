import type { TreeEntry, TreeListing } from '../../../../../main/contract/workspace.ts';

export type RequestOption = { id: string; method: string; name: string };
/** Requests of one folder; `path` is '' for those at the collection's top level. */
export type RequestGroup = { path: string; requests: RequestOption[] };

/** The collection's requests in sidebar order, grouped by their folder path ("Reports / Daily"). */
export function collectionRequests(listing: TreeListing, collectionId: string): RequestGroup[] {
  const byId = new Map<string, TreeEntry>(listing.entries.map((entry) => [entry.id, entry]));
  const groups: RequestGroup[] = [];
  const walk = (id: string, path: string, seen: Set<string>) => {
    const node = byId.get(id);
    if (!node || seen.has(id)) return;
    seen.add(id);
    const here: RequestOption[] = [];
    const folders: TreeEntry[] = [];
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (child?.kind === 'request') here.push({ id: child.id, method: (child.method ?? '').toUpperCase(), name: child.name });
      else if (child?.kind === 'folder') folders.push(child);
    }
    if (here.length > 0) groups.push({ path, requests: here });
    for (const folder of folders) walk(folder.id, path === '' ? folder.name : `${path} / ${folder.name}`, seen);
  };
  walk(collectionId, '', new Set());
  return groups;
}
