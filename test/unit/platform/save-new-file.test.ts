import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveNewFile } from '../../../main/platform/save-new-file.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir('countersign-save-new-');
});
afterEach(async () => {
  await dir.remove();
});

describe('saveNewFile (key exports and vault backups)', () => {
  it('never replaces a file: a taken name gets " (1)", and each file is 0600', async () => {
    await writeFile(join(dir.path, 'uat-merchant.pem'), 'existing');
    const first = await saveNewFile(dir.path, 'uat-merchant.pem', 'KEY 1');
    const second = await saveNewFile(dir.path, 'uat-merchant.pem', 'KEY 2');
    expect(first).toBe(join(dir.path, 'uat-merchant (1).pem'));
    expect(second).toBe(join(dir.path, 'uat-merchant (2).pem'));
    expect(await readFile(join(dir.path, 'uat-merchant.pem'), 'utf8')).toBe('existing');
    expect(await readFile(second, 'utf8')).toBe('KEY 2');
    if (process.platform !== 'win32') expect((await stat(first)).mode & 0o777).toBe(0o600);
    expect((await readdir(dir.path)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('treats a symlink at the name as taken and writes nothing through it', async () => {
    await writeFile(join(dir.path, 'target.txt'), 'target');
    await symlink(join(dir.path, 'target.txt'), join(dir.path, 'backup.json'));
    const saved = await saveNewFile(dir.path, 'backup.json', 'BACKUP');
    expect(saved).toBe(join(dir.path, 'backup (1).json'));
    expect(await readFile(join(dir.path, 'target.txt'), 'utf8')).toBe('target');
  });
});
