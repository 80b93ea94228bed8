// Same tolerance as the signing engine's template reader (main/signing/variables.ts): spaces inside the braces and after "secret:".
const SECRET_TEMPLATE = /\{\{\s*secret:\s*([^{}]+?)\s*\}\}/g;

/**
 * The vault secrets a setting value names as `{{secret:<name>}}`. Keys are
 * stored under their own name, so an auth setting whose private key field
 * holds `{{secret:elecsnet}}` signs with key "elecsnet": the `usedBy` hook of
 * the key service can be built from this.
 */
export function secretNamesIn(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...value.matchAll(SECRET_TEMPLATE)].map((match) => match[1] ?? '').filter((name) => name !== '');
}

/** The template an auth setting's private key field should hold to sign with a stored key. */
export const keyTemplate = (keyName: string): string => `{{secret:${keyName}}}`;
