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

/** A copy of `value` (plain objects and arrays) with `map` applied to every string inside it. */
export function mapStringsDeep<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStringsDeep(item, map)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = mapStringsDeep(item, map);
    return out as T;
  }
  return value;
}

/** Applies mapDynamicVariables to every string inside a value (a request, an auth chain). */
export function mapDynamicDeep<T>(value: T, unmapped: Set<string>): T {
  return mapStringsDeep(value, (text) => mapDynamicVariables(text, unmapped));
}
