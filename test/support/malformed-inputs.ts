import { z } from 'zod';
import { channels, type ChannelName } from '../../main/contract/index.ts';
import { INPUT_LIMITS } from '../../main/core/input-guard.ts';

export type MalformedCase = { label: string; input: unknown };

/**
 * Inputs every channel must refuse, derived from the contract itself so a new
 * channel is covered without anyone writing a case for it: values of the
 * wrong type, unknown keys, prototype-pollution keys, oversized strings, and
 * a wrong value for each declared field.
 */
export function malformedInputsFor(name: ChannelName): MalformedCase[] {
  const cases: MalformedCase[] = [
    { label: 'null', input: null },
    { label: 'a string', input: 'settings' },
    { label: 'a number', input: 42 },
    { label: 'an array', input: [] },
    { label: 'an unknown key', input: { unexpectedKey: 1 } },
    { label: 'a __proto__ key', input: JSON.parse('{"__proto__": {"polluted": true}}') as unknown },
    { label: 'a constructor.prototype key', input: { constructor: { prototype: { polluted: true } } } },
    { label: 'a huge string', input: { unexpectedKey: 'x'.repeat(INPUT_LIMITS.maxStringLength + 1) } },
    { label: 'deep nesting', input: nest(INPUT_LIMITS.maxDepth + 5) },
  ];
  const schema = z.toJSONSchema(channels[name].input, { unrepresentable: 'any' }) as JsonSchema;
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    for (const wrong of wrongValuesFor(property)) {
      cases.push({ label: `${field} = ${describe(wrong)}`, input: { [field]: wrong } });
    }
  }
  return cases;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
};

function wrongValuesFor(property: JsonSchema): unknown[] {
  const types = new Set([property.type ?? []].flat());
  const values: unknown[] = [];
  if (property.enum) values.push('not-one-of-the-options');
  if (!types.has('string') && !property.enum) values.push('a string where none belongs');
  if (!types.has('number') && !types.has('integer')) values.push(12345);
  if (!types.has('object')) values.push({ nested: true });
  if (!types.has('array')) values.push(['item']);
  if (typeof property.maxLength === 'number') values.push('y'.repeat(property.maxLength + 1));
  return values;
}

function nest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { unexpectedKey: value };
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
