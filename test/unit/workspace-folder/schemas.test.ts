import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { createFolderStore } from '../../../main/workspace/folder/folder-store.ts';
import { folderJsonSchemas } from '../../../main/workspace/folder/json-schemas.ts';
import { samples, snapshot, tempDir } from './support.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const committed = (name: string) => readFileSync(new URL(`../../../docs/schema/${name}`, import.meta.url), 'utf8');

/** Which schema a file of the folder follows, by its place and name. */
function kindOf(path: string): string {
  const name = path.split('/').pop() ?? '';
  if (path === 'countersign-workspace.yaml') return 'workspace';
  if (name === 'order.yaml') return 'order';
  if (name === 'collection.yaml') return 'collection';
  if (name === 'folder.yaml') return 'folder';
  if (name.endsWith('.request.yaml')) return 'request';
  if (path.includes('/environments/')) return name.endsWith('.local.yaml') ? 'environment-local' : 'environment';
  if (path.includes('/flows/')) return 'flow';
  throw new Error(`no kind for ${path}`);
}

describe('published JSON Schemas (docs/schema/)', () => {
  it('are the ones the model generates today (after a model change: node scripts/write-schemas.ts)', () => {
    for (const [name, text] of folderJsonSchemas()) expect(committed(name), `docs/schema/${name} is stale: run node scripts/write-schemas.ts`).toBe(text);
  });

  it('accept every file of a written workspace, checked by ajv, and refuse a file of the wrong shape', () => {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    createFolderStore(dir).save(samples());
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validators = new Map([...folderJsonSchemas()].map(([name, text]) => [name.replace('.schema.json', ''), ajv.compile(JSON.parse(text) as object)]));
    let checked = 0;
    for (const [path, text] of snapshot(dir)) {
      if (!path.endsWith('.yaml')) continue;
      const validate = validators.get(kindOf(path));
      expect(validate?.(parse(text)), `${path}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    expect(validators.get('request')?.({ id: 'x', name: 'n', method: 'GET', url: 42, params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' } })).toBe(false);
  });
});
