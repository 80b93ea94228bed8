/**
 * File and folder names made from item names: lower-case letters, digits
 * and dashes, so they are the same on every file system (case-insensitive
 * ones included) and read well in a diff.
 */
export function fileSlug(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '');
  return cleaned.length > 0 ? cleaned : 'item';
}

export type NameRequest = { readonly key: string; readonly name: string };

/**
 * Gives each item of one folder a distinct slug. An item keeps the slug it
 * had (so renaming a sibling or deleting a twin renames no other file) while
 * that slug still fits its name; the others get `slug`, `slug-2`, … in order.
 */
export function allocateSlugs(items: readonly NameRequest[], previous: ReadonlyMap<string, string>, reserved: Iterable<string> = []): Map<string, string> {
  const taken = new Set(reserved);
  const out = new Map<string, string>();
  for (const item of items) {
    const before = previous.get(item.key);
    const base = fileSlug(item.name);
    if (before !== undefined && !taken.has(before) && (before === base || new RegExp(`^${base}-[0-9]+$`).test(before))) {
      out.set(item.key, before);
      taken.add(before);
    }
  }
  for (const item of items) {
    if (out.has(item.key)) continue;
    const base = fileSlug(item.name);
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${String(n)}`;
    out.set(item.key, candidate);
    taken.add(candidate);
  }
  return out;
}
