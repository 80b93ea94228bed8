import { z } from 'zod';
import { FILE_KINDS, type FileKind } from './file-schemas.ts';

/**
 * The published JSON Schema of each kind of file in a workspace folder,
 * generated from the same zod schemas that read the files, so the two cannot
 * drift (a test checks that docs/schema/ holds today's). `io: 'input'`
 * describes what may be written by hand: fields with defaults are optional.
 */
export function folderJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [kind, { schema, title }] of Object.entries(FILE_KINDS) as [FileKind, (typeof FILE_KINDS)[FileKind]][]) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    const document = { title, ...json };
    out.set(`${kind}.schema.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
  return out;
}
