import { mapStringsDeep } from './dynamic-variables.ts';

/**
 * How a Countersign export marks a Postman variable that stands for a vault
 * secret: declared empty, with this description. Our importer reads it back as
 * `{{secret:name}}`, so export → import keeps secrets in the vault.
 */
export const SECRET_VARIABLE_NOTE = 'Countersign vault secret: give its value in Postman or to newman (--env-var); the export never holds it.';

/** `{{name}}` → `{{secret:name}}` for the given names, in every string inside `value`. */
export function markSecretsDeep<T>(value: T, names: ReadonlySet<string>): T {
  if (names.size === 0) return value;
  return mapStringsDeep(value, (text) =>
    text.includes('{{') ? text.replace(/\{\{\s*([^{}:$]+?)\s*\}\}/g, (whole, name: string) => (names.has(name) ? `{{secret:${name}}}` : whole)) : text,
  );
}
