import { arr, entries, obj, str, type Json } from './json-reading.ts';

/**
 * An example value for a parameter or body: the author's own example first
 * (`example`, then the first of `examples`), then the schema's example,
 * default or first enum value, then a value built from the schema's shape.
 */
export function exampleOf(holder: Json | undefined, schema: unknown): unknown {
  if (holder && 'example' in holder) return holder.example;
  const first = entries(holder?.examples)[0]?.[1];
  const firstObject = obj(first);
  if (firstObject && 'value' in firstObject) return firstObject.value;
  return fromSchema(schema, 0);
}

const MAX_DEPTH = 6;

function fromSchema(value: unknown, depth: number): unknown {
  const schema = obj(value);
  if (!schema || depth > MAX_DEPTH) return undefined;
  if ('example' in schema) return schema.example;
  const examples = arr(schema.examples);
  if (examples.length > 0) return examples[0];
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  const enumValues = arr(schema.enum);
  if (enumValues.length > 0) return enumValues[0];
  const composed = arr(schema.allOf);
  if (composed.length > 0) {
    const merged = composed.map((part) => fromSchema(part, depth + 1)).filter((part) => obj(part) !== undefined);
    return merged.length > 0 ? Object.assign({}, ...merged) as unknown : fromSchema(composed[0], depth + 1);
  }
  const alternative = arr(schema.oneOf)[0] ?? arr(schema.anyOf)[0];
  if (alternative !== undefined) return fromSchema(alternative, depth + 1);
  const type = Array.isArray(schema.type) ? str(schema.type.find((t) => t !== 'null')) : str(schema.type);
  if (type === 'object' || (type === undefined && obj(schema.properties))) {
    const out: Json = {};
    for (const [name, property] of entries(schema.properties)) {
      const example = fromSchema(property, depth + 1);
      if (example !== undefined) out[name] = example;
    }
    return out;
  }
  if (type === 'array') {
    const item = fromSchema(schema.items, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (type === 'string') return stringFor(str(schema.format));
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return false;
  return undefined;
}

function stringFor(format: string | undefined): string {
  switch (format) {
    case 'date':
      return '2026-01-01';
    case 'date-time':
      return '2026-01-01T00:00:00Z';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'email':
      return 'user@example.com';
    default:
      return '';
  }
}

/** A value as it goes into a query string, header or form field. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
