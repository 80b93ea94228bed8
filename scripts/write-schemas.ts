// Writes docs/schema/*.schema.json, the JSON Schema of every kind of file in a
// workspace folder, from the zod schemas that read them. Run after changing the
// workspace model: node scripts/write-schemas.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { folderJsonSchemas } from '../main/workspace/folder/json-schemas.ts';

const dir = fileURLToPath(new URL('../docs/schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [name, text] of folderJsonSchemas()) {
  writeFileSync(`${dir}${name}`, text);
  process.stdout.write(`docs/schema/${name}\n`);
}
