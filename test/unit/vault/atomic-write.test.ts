import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../main/vault/file/atomic-write.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-atomic-');
});
afterEach(async () => {
  await dir.remove();
});

describe('writeFileAtomic', () => {
  it('replaces the content, leaves no temp file, and makes the file owner-only', async () => {
    const file = join(dir.path, 'vault.json');
    await writeFile(file, 'old', { mode: 0o644 });
    await writeFileAtomic(file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(dir.path)).toEqual(['vault.json']);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file intact when the write fails', async () => {
    const file = join(dir.path, 'vault.json');
    await writeFile(file, 'old');
    await expect(writeFileAtomic(join(dir.path, 'missing-dir', 'vault.json'), 'x')).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('old');
  });

  it('removes temp files left by a killed writer only once they are old', async () => {
    await writeFile(join(dir.path, '.vault.json.0123456789ab.tmp'), 'partial');
    await writeFile(join(dir.path, 'vault.json'), 'kept');
    await removeStaleTempFiles(dir.path);
    expect((await readdir(dir.path)).sort()).toEqual(['.vault.json.0123456789ab.tmp', 'vault.json']);
    await removeStaleTempFiles(dir.path, Date.now() + 120_000);
    expect(await readdir(dir.path)).toEqual(['vault.json']);
  });
});
