import { chmod, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { ensurePrivateDataDirSync } from '../../../main/platform/private-dir.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe.runIf(process.platform !== 'win32')('private data directory', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir('countersign-private-dir-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('creates a missing data directory 0700 when the stores open it, whatever the umask', async () => {
    const dataDir = join(dir.path, 'nested', 'Countersign');
    const previous = process.umask(0o022);
    try {
      createConfStoreFactory(dataDir)('settings', { theme: 'system' }).set('theme', 'dark');
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(dataDir)).toBe(0o700);
  });

  it('tightens an existing 0755 data directory and its own subfolders, and nothing else', async () => {
    const dataDir = join(dir.path, 'Countersign');
    for (const sub of ['sandbox', 'spill', 'vault-backups', 'unrelated']) await mkdir(join(dataDir, sub), { recursive: true });
    for (const path of [dataDir, ...['sandbox', 'spill', 'vault-backups', 'unrelated'].map((sub) => join(dataDir, sub))]) await chmod(path, 0o755);
    ensurePrivateDataDirSync(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, 'sandbox'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'spill'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'vault-backups'))).toBe(0o700);
    expect(await modeOf(join(dataDir, 'unrelated'))).toBe(0o755);
  });
});
