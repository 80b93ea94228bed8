import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';

// Compiling a schema is the slow part: a collection run checks the same one many times.
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 200;

/** Whether the value matches the schema, the first few reasons it does not, or why the schema itself is unusable. */
export function checkSchema(schemaText: string, value: unknown): { ok: true } | { ok: false; errors: string[] } | { invalidSchema: string } {
  let validate = compiled.get(schemaText);
  if (!validate) {
    try {
      validate = compile(JSON.parse(schemaText) as Record<string, unknown>);
    } catch (error) {
      return { invalidSchema: error instanceof Error ? error.message : 'it could not be read' };
    }
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(schemaText, validate);
  }
  if (validate(value)) return { ok: true };
  const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath === '' ? '(the body)' : error.instancePath} ${error.message ?? 'is not valid'}`);
  return { ok: false, errors };
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  // A schema that names draft-07 (or 06/04-style) is checked as one; anything else as 2020-12, which OpenAPI 3.1 uses.
  const draft07 = typeof schema.$schema === 'string' && /draft-0[4-7]/.test(schema.$schema);
  // strict off: schemas written for other tools carry keywords (example, x-…) that ajv would refuse.
  const options = { strict: false, allErrors: true, validateFormats: false } as const;
  return draft07 ? new Ajv(options).compile(schema) : new Ajv2020(options).compile(schema);
}
