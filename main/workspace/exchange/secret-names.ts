/** Lower-case letters, digits and underscores: a vault name built from free text. */
export function slug(text: string, fallback = 'imported'): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return cleaned.length > 0 ? cleaned : fallback;
}

/** Hands out vault names under one prefix, never the same twice. */
export function secretNamer(prefix: string, taken: Iterable<string> = []): (field: string) => string {
  const used = new Set(taken);
  return (field) => {
    const base = `${prefix}.${slug(field, 'secret')}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${String(n)}`;
    used.add(name);
    return name;
  };
}
