import type { DynamicVariable } from '../../contract/auth.ts';

/** Postman's dynamic variables that have an equivalent among ours (main/signing/variables.ts). */
const EQUIVALENT: Readonly<Record<string, DynamicVariable>> = {
  $guid: '$uuid',
  $randomUUID: '$uuid',
  $timestamp: '$timestamp',
  $isoTimestamp: '$isoTimestamp',
  // Postman draws 0..1000, ours 0..999: near enough for test data.
  $randomInt: '$randomInt',
};

const DYNAMIC = /\{\{\s*(\$[A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Rewrites Postman's `{{$guid}}`-style values to ours; collects the ones
 * with no equivalent (`$randomEmail`...), which are left as written so the
 * send names them instead of sending an empty string.
 */
export function mapDynamicVariables(text: string, unmapped: Set<string>): string {
  if (!text.includes('{{')) return text;
  return text.replace(DYNAMIC, (whole, name: string) => {
    const ours = EQUIVALENT[name];
    if (ours !== undefined) return `{{${ours}}}`;
    if (name !== '$uuid' && name !== '$nonce') unmapped.add(name);
    return whole;
  });
}

/** Applies mapDynamicVariables to every string inside a value (a request, an auth chain). */
export function mapDynamicDeep<T>(value: T, unmapped: Set<string>): T {
  if (typeof value === 'string') return mapDynamicVariables(value, unmapped) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapDynamicDeep(item, unmapped)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = mapDynamicDeep(item, unmapped);
    return out as T;
  }
  return value;
}
