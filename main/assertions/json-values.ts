import { JSONPath } from 'jsonpath-plus';
import { isDeepStrictEqual } from 'node:util';
import type { JSON_TYPES } from '../contract/assertions.ts';

export type JsonType = (typeof JSON_TYPES)[number];

/** Every match of a JSONPath, or why it could not be run. */
export function queryJson(json: unknown, path: string): { matches: unknown[] } | { error: string } {
  if (json === null || typeof json !== 'object') {
    // jsonpath-plus walks objects and arrays only; `$` alone still names the whole value.
    return path.trim() === '$' ? { matches: [json] } : { matches: [] };
  }
  try {
    // eval 'safe': filter expressions run in jsonpath-plus's own evaluator, never as JavaScript.
    return { matches: JSONPath({ path, json, wrap: true, eval: 'safe' }) as unknown[] };
  } catch (error) {
    return { error: `the JSONPath ${path} is not valid (${error instanceof Error ? error.message : 'unreadable'})` };
  }
}

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/**
 * The expected text read as JSON when it is JSON (42, true, "OK", {"a":1}),
 * else as a string. A string value also equals the expected text as typed,
 * so `OK` and `"OK"` both match "OK".
 */
export function jsonEquals(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string' && actual === expected) return true;
  try {
    return isDeepStrictEqual(actual, JSON.parse(expected));
  } catch {
    return false;
  }
}

/** A string contains the text; an array contains an element equal to it. */
export function jsonContains(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string') return actual.includes(expected);
  if (Array.isArray(actual)) return actual.some((item) => jsonEquals(item, expected));
  return false;
}

/** Replaces the send's secrets in a text (the send's redactor); the identity where there is none. */
export type RedactText = (text: string) => string;

/**
 * A value as a person reads it, cut short: strings as they are, the rest as JSON. Redacted before it is
 * cut, so a secret straddling the cut cannot leave its first half behind where no redactor would know it.
 */
export function shown(value: unknown, redact: RedactText = (text) => text, limit = 300): string {
  const text = redact(typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
