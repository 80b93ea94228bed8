import type { z } from 'zod';

/**
 * Orders an object's keys the way its zod schema declares them, at every
 * depth, so a file lists `name` before `url` before `headers` whatever order
 * an edit assigned them in. Keys the schema does not know (a field added
 * later, or one a newer Countersign wrote) follow in alphabetical order, so
 * they pass through and still come out the same every time. Undefined values
 * are dropped: absent and undefined write the same bytes.
 */
type Def = { type: string; [key: string]: unknown };

function defOf(schema: unknown): Def | undefined {
  const zod = (schema as { _zod?: { def?: Def } } | undefined)?._zod;
  return zod?.def;
}

/** Peels optional, default, nullable, pipe, lazy and the like down to the schema that shapes the value. */
function unwrap(schema: unknown): Def | undefined {
  let def = defOf(schema);
  for (let depth = 0; def && depth < 20; depth++) {
    if (def.type === 'pipe') def = defOf(def.in);
    else if (def.type === 'lazy') def = defOf((def.getter as () => unknown)());
    else if ('innerType' in def) def = defOf(def.innerType);
    else break;
  }
  return def;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schemas a value could match: the one of a plain object, the matching options of a union. */
function objectShapes(def: Def | undefined, value: Record<string, unknown>): Record<string, unknown>[] {
  if (!def) return [];
  if (def.type === 'object') return [def.shape as Record<string, unknown>];
  if (def.type === 'intersection') return [...objectShapes(unwrap(def.left), value), ...objectShapes(unwrap(def.right), value)];
  if (def.type !== 'union') return [];
  const options = (def.options as unknown[]).map(unwrap);
  const discriminator = typeof def.discriminator === 'string' ? def.discriminator : undefined;
  const matching = options.filter((option) => {
    if (!discriminator || option?.type !== 'object') return true;
    const literal = unwrap((option.shape as Record<string, unknown>)[discriminator]);
    return !literal || literal.type !== 'literal' || (literal.values as unknown[]).includes(value[discriminator]);
  });
  return matching.flatMap((option) => objectShapes(option, value));
}

export function orderBySchema(schema: z.ZodType | undefined, value: unknown): unknown {
  const def = unwrap(schema);
  if (Array.isArray(value)) {
    const element = def?.type === 'array' ? (def.element as z.ZodType) : undefined;
    return value.map((item: unknown) => orderBySchema(element, item));
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  if (def?.type === 'record') {
    for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = orderBySchema(def.valueType as z.ZodType, value[key]);
    return out;
  }
  const childSchemas = new Map<string, z.ZodType>();
  for (const shape of objectShapes(def, value)) for (const [key, child] of Object.entries(shape)) if (!childSchemas.has(key)) childSchemas.set(key, child as z.ZodType);
  const known = [...childSchemas.keys()].filter((key) => Object.hasOwn(value, key));
  const unknown = Object.keys(value)
    .filter((key) => !childSchemas.has(key))
    .sort();
  for (const key of [...known, ...unknown]) if (value[key] !== undefined) out[key] = orderBySchema(childSchemas.get(key), value[key]);
  return out;
}
