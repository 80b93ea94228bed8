import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeKeyFile } from '../../../main/keys/write-key-file.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-keyfile-');
});
afterEach(async () => {
  await dir.remove();
});

describe('writeKeyFile', () => {
  it('writes the PEM readable by the owner only, leaving no temp file', async () => {
    const path = join(dir.path, 'sandbox-k-private-pkcs8.pem');
    await writeKeyFile(path, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect(await readFile(path, 'utf8')).toContain('BEGIN PRIVATE KEY');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir.path)).toEqual(['sandbox-k-private-pkcs8.pem']);
  });

  it('refuses an existing file unless overwriting was chosen, then replaces it 0600', async () => {
    const path = join(dir.path, 'public.pem');
    await writeFile(path, 'old', { mode: 0o644 });
    await expect(writeKeyFile(path, 'new')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(path, 'utf8')).toBe('old');
    await writeKeyFile(path, 'new', { overwrite: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeKeyFile(join(dir.path, 'missing', 'k.pem'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
