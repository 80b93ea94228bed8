/**
 * How a Countersign export marks a Postman variable that stands for a vault
 * secret: declared empty, with this description. Our importer reads it back as
 * `{{secret:name}}`, so export → import keeps secrets in the vault.
 */
export const SECRET_VARIABLE_NOTE = 'Countersign vault secret: give its value in Postman or to newman (--env-var); the export never holds it.';

/** `{{name}}` → `{{secret:name}}` for the given names, in every string inside `value`. */
export function markSecretsDeep<T>(value: T, names: ReadonlySet<string>): T {
  if (names.size === 0) return value;
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    return value.replace(/\{\{\s*([^{}:$]+?)\s*\}\}/g, (whole, name: string) => (names.has(name) ? `{{secret:${name}}}` : whole)) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => markSecretsDeep(item, names)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = markSecretsDeep(item, names);
    return out as T;
  }
  return value;
}
