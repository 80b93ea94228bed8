import { chmod, lstat, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, movePrivateFile, writePrivateFile } from '../../../main/platform/private-file.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const posix = process.platform !== 'win32';
let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir('countersign-private-file-');
});
afterEach(async () => {
  await dir.remove();
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('writePrivateFile', () => {
  it('creates a new file 0600 whatever the umask allows, and leaves no temp file', async () => {
    const previous = process.umask(0o000);
    try {
      await writePrivateFile(join(dir.path, 'token.json'), '{"access_token":"x"}');
    } finally {
      process.umask(previous);
    }
    if (posix) expect(await modeOf(join(dir.path, 'token.json'))).toBe(0o600);
    expect(await readdir(dir.path)).toEqual(['token.json']);
  });

  it('refuses an existing file and leaves it exactly as it was', async () => {
    const path = join(dir.path, 'report.csv');
    await writeFile(path, 'old', { mode: 0o644 });
    await expect(writePrivateFile(path, 'new')).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir.path)).toEqual(['report.csv']);
  });

  it.runIf(posix)('never writes through a symlink, dangling or not', async () => {
    const target = join(dir.path, 'shared.txt');
    await writeFile(target, 'shared', { mode: 0o644 });
    const link = join(dir.path, 'key.pem');
    await symlink(target, link);
    await expect(writePrivateFile(link, 'PRIVATE')).rejects.toBeInstanceOf(FileExistsError);
    const dangling = join(dir.path, 'dangling.pem');
    await symlink(join(dir.path, 'not-yet'), dangling);
    await expect(writePrivateFile(dangling, 'PRIVATE')).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(target, 'utf8')).toBe('shared');
    await expect(stat(join(dir.path, 'not-yet'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(posix)('with overwrite, replaces a 0644 file by a 0600 one, and a symlink by a file (its target untouched)', async () => {
    const loose = join(dir.path, 'old.pem');
    await writeFile(loose, 'old', { mode: 0o644 });
    await chmod(loose, 0o644);
    await writePrivateFile(loose, 'new', { overwrite: true });
    expect(await readFile(loose, 'utf8')).toBe('new');
    expect(await modeOf(loose)).toBe(0o600);

    const target = join(dir.path, 'shared.txt');
    await writeFile(target, 'shared');
    const link = join(dir.path, 'link.pem');
    await symlink(target, link);
    await writePrivateFile(link, 'PRIVATE', { overwrite: true });
    expect((await lstat(link)).isSymbolicLink()).toBe(false);
    expect(await readFile(link, 'utf8')).toBe('PRIVATE');
    expect(await readFile(target, 'utf8')).toBe('shared');
  });

  it('takes another mode when asked (public keys)', async () => {
    const path = join(dir.path, 'k.pub.pem');
    await writePrivateFile(path, 'PUBLIC', { mode: 0o644 });
    if (posix) expect(await modeOf(path)).toBe(0o644);
  });
});

describe('movePrivateFile', () => {
  it.runIf(posix)('moves a finished body into place 0600, replacing a symlink rather than its target', async () => {
    const body = join(dir.path, 'body');
    await writeFile(body, 'BODY', { mode: 0o644 });
    const target = join(dir.path, 'elsewhere.txt');
    await writeFile(target, 'elsewhere');
    const out = join(dir.path, 'out.json');
    await symlink(target, out);
    await movePrivateFile(body, out, { overwrite: true });
    expect(await readFile(out, 'utf8')).toBe('BODY');
    expect(await modeOf(out)).toBe(0o600);
    expect(await readFile(target, 'utf8')).toBe('elsewhere');
    await expect(stat(body)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(posix)('without overwrite, refuses a symlink at the destination', async () => {
    const body = join(dir.path, 'body');
    await writeFile(body, 'BODY');
    const out = join(dir.path, 'out.json');
    await symlink(join(dir.path, 'x'), out);
    await expect(movePrivateFile(body, out)).rejects.toBeInstanceOf(FileExistsError);
    expect(await readlink(out)).toBe(join(dir.path, 'x'));
  });
});
