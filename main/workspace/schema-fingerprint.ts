import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { StoredDocument } from './stored-schema.ts';

let cached: string | undefined;

/**
 * A SHA-256 of the stored schema's JSON Schema form. The workspace seal is
 * keyed to it, so a schema made stricter without a format bump still re-checks
 * every sealed file once. About 10 ms, once per process, when the first
 * workspace file is read or written. A `.refine` function has no JSON form:
 * changing only one of those does not change the fingerprint.
 */
export function schemaFingerprint(schema: z.ZodType = StoredDocument): string {
  if (schema !== StoredDocument) return fingerprintOf(schema);
  cached ??= fingerprintOf(schema);
  return cached;
}

function fingerprintOf(schema: z.ZodType): string {
  try {
    return createHash('sha256').update(JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }))).digest('hex');
  } catch {
    // No JSON form (a future schema zod cannot express): a value no seal was made with, so every file is checked in full.
    return `unavailable ${randomUUID()}`;
  }
}
