import { z } from 'zod';
import type { AuthFieldDescription, AuthSchemeDescription } from '../../contract/auth-schemes.ts';
import type { AuthType } from '../../contract/auth.ts';
import type { FieldPresentation, SchemeModule } from './define.ts';
import { allSchemes } from './index.ts';

type Unwrapped = { inner: z.ZodType; optional: boolean; defaultValue: unknown };

/** Strips optional and default wrappers, noting what they said. */
function unwrap(schema: z.ZodType): Unwrapped {
  let inner: z.ZodType = schema;
  let optional = false;
  let defaultValue: unknown = undefined;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      defaultValue = inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else return { inner, optional, defaultValue };
  }
}

function describeField(key: string, schema: z.ZodType, shown: FieldPresentation): AuthFieldDescription {
  const { inner, optional, defaultValue } = unwrap(schema);
  const base = {
    key,
    label: shown.label,
    optional: optional && shown.keepEmpty !== true,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(shown.help === undefined ? {} : { help: shown.help }),
  };
  if (shown.secret !== undefined) {
    if (!(inner instanceof z.ZodString)) throw new Error(`Field ${key} is marked secret but is not text.`);
    return { ...base, kind: 'secret', secret: shown.secret };
  }
  if (inner instanceof z.ZodEnum) return { ...base, kind: 'select', options: inner.options.map(String) };
  if (inner instanceof z.ZodBoolean) return { ...base, kind: 'boolean' };
  if (inner instanceof z.ZodNumber) return { ...base, kind: 'number' };
  if (inner instanceof z.ZodString) return { ...base, kind: 'text' };
  return { ...base, kind: 'json' };
}

/** One scheme as the editor shows it: kinds, options, defaults and optionality read from its contract schema. */
export function describeScheme<T extends AuthType>(scheme: SchemeModule<T>): AuthSchemeDescription {
  const shape = (scheme.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const fields: AuthFieldDescription[] = [];
  for (const [key, shown] of Object.entries(scheme.fields) as [string, FieldPresentation][]) {
    const schema = shape[key];
    if (schema === undefined) throw new Error(`Scheme ${scheme.type} shows a field ${key} its schema does not have.`);
    fields.push(describeField(key, schema, shown));
  }
  return {
    type: scheme.type,
    label: scheme.label,
    ...(scheme.help === undefined ? {} : { help: scheme.help }),
    initial: scheme.initial,
    fields,
  };
}

let described: AuthSchemeDescription[] | undefined;

/** Every registered scheme, described once per process (the registry does not change while it runs). */
export function describeSchemes(): AuthSchemeDescription[] {
  described ??= allSchemes().map((scheme) => describeScheme(scheme));
  return described;
}
