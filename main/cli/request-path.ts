import type { TreeEntry, TreeListing } from '../contract/workspace.ts';
import { EXIT } from './exit-codes.ts';
import { CliError } from './io.ts';

/**
 * Finds a saved request by its names: "Collection/Folder/Request".
 * Names are matched exactly (case-sensitive); a name that itself holds "/"
 * still matches because every way of splitting the path is tried.
 */
export function findRequestByPath(tree: TreeListing, path: string): TreeEntry {
  const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
  const collections = tree.collections.map((id) => byId.get(id)).filter((entry) => entry !== undefined);
  const found = walk(collections, path, byId);
  if (found) return found;
  throw new CliError(notFoundMessage(path, requestPaths(tree)), EXIT.usage);
}

/** Finds a collection by exact name. */
export function findCollection(tree: TreeListing, name: string): TreeEntry {
  const found = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === name);
  if (found) return found;
  const names = tree.entries.filter((entry) => entry.kind === 'collection').map((entry) => entry.name);
  throw new CliError(notFoundMessage(name, names, 'collection'), EXIT.usage);
}

/** Finds a collection, or a folder inside one, by "Collection[/Folder...]". */
export function findContainer(tree: TreeListing, path: string): TreeEntry {
  const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
  const collections = tree.collections.map((id) => byId.get(id)).filter((entry) => entry !== undefined);
  const found = walk(collections, path, byId, 'container');
  if (found) return found;
  const containers = tree.entries.filter((entry) => entry.kind !== 'request').map((entry) => pathOf(entry, byId));
  throw new CliError(notFoundMessage(path, containers, 'collection or folder'), EXIT.usage);
}

/** Every request's full path, in sidebar order. */
export function requestPaths(tree: TreeListing): string[] {
  const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
  return tree.entries.filter((entry) => entry.kind === 'request').map((entry) => pathOf(entry, byId));
}

export function pathOf(entry: TreeEntry, byId: ReadonlyMap<string, TreeEntry>): string {
  const names = [entry.name];
  let parent = entry.parentId === null ? undefined : byId.get(entry.parentId);
  while (parent) {
    names.unshift(parent.name);
    parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
  }
  return names.join('/');
}

function walk(candidates: TreeEntry[], rest: string, byId: ReadonlyMap<string, TreeEntry>, want: 'request' | 'container' = 'request'): TreeEntry | undefined {
  for (const entry of candidates) {
    if (rest === entry.name) {
      if (want === 'request' ? entry.kind === 'request' : entry.kind !== 'request') return entry;
      continue;
    }
    if (entry.kind === 'request' || !rest.startsWith(`${entry.name}/`)) continue;
    const children = (entry.children ?? []).map((id) => byId.get(id)).filter((child) => child !== undefined);
    const found = walk(children, rest.slice(entry.name.length + 1), byId, want);
    if (found) return found;
  }
  return undefined;
}

function notFoundMessage(wanted: string, known: string[], what = 'request'): string {
  const close = closeMatches(wanted, known);
  const hint = close.length > 0 ? ` Did you mean: ${close.map((name) => `"${name}"`).join(', ')}?` : known.length > 0 ? ' Run "countersign list" to see them.' : '';
  return `No ${what} "${wanted}".${hint}`;
}

/** Names that differ only in case, contain the wanted text, or are a few edits away. */
export function closeMatches(wanted: string, known: readonly string[], limit = 5): string[] {
  const lower = wanted.toLowerCase();
  const scored = known
    .map((name) => {
      const candidate = name.toLowerCase();
      const score = candidate === lower ? 0 : candidate.includes(lower) || lower.includes(candidate) ? 1 : 1 + editDistance(lower, candidate) / Math.max(lower.length, 1);
      return { name, score };
    })
    .filter((entry) => entry.score <= 1.4)
    .sort((a, b) => a.score - b.score);
  return scored.slice(0, limit).map((entry) => entry.name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The collection an entry belongs to. */
export function collectionIdOf(tree: TreeListing, entry: TreeEntry): string {
  const byId = new Map(tree.entries.map((candidate) => [candidate.id, candidate]));
  let current = entry;
  while (current.parentId !== null) {
    const parent = byId.get(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return current.id;
}
