import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSpillFiles } from '../../../main/services/spill-files.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('spill files', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let downloads: string;
  beforeEach(async () => {
    dir = await makeTempDir();
    downloads = join(dir.path, 'Downloads');
    await mkdir(downloads);
  });
  afterEach(async () => {
    await dir.remove();
  });

  /** A body the executor spilled into a send's folder. */
  const spilled = async (spill: ReturnType<typeof createSpillFiles>, name = 'report.csv', content = 'a,b\n1,2\n') => {
    const folder = await spill.folder();
    const file = join(folder, name);
    await writeFile(file, content, { mode: 0o600 });
    expect(await spill.settle(folder, file)).toBe(true);
    return file;
  };

  it('keeps each send in its own private folder under the data dir', async () => {
    const spill = createSpillFiles(dir.path);
    const first = await spilled(spill);
    const second = await spilled(spill);
    expect(first).not.toBe(second);
    expect(first.startsWith(join(dir.path, 'spill'))).toBe(true);
    expect((await stat(join(dir.path, 'spill'))).mode & 0o777).toBe(0o700);
    expect((await stat(spill.root)).mode & 0o777).toBe(0o700);
  });

  it('removes the folder of a send that did not spill', async () => {
    const spill = createSpillFiles(dir.path);
    const folder = await spill.folder();
    expect(await spill.settle(folder, null)).toBe(false);
    expect(await readdir(spill.root)).toEqual([]);
  });

  it('"Save as" moves the body to the chosen file (0600), leaving no spill behind', async () => {
    const spill = createSpillFiles(dir.path);
    const file = await spilled(spill);
    const target = join(downloads, 'settlement.csv');
    expect(await spill.saveAs(file, target, false)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('a,b\n1,2\n');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(spill.root)).toEqual([]);
    expect(spill.isSpill(file)).toBe(false);
    await expect(spill.saveAs(file, target, true)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to replace an existing file unless told to, and loses neither file', async () => {
    const spill = createSpillFiles(dir.path);
    const file = await spilled(spill, 'report.csv', 'new');
    const target = join(downloads, 'report.csv');
    await writeFile(target, 'old');
    await expect(spill.saveAs(file, target, false)).rejects.toMatchObject({ code: 'conflict', message: `${target} already exists: choose another name, or replace it.` });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readFile(file, 'utf8')).toBe('new');
    await spill.saveAs(file, target, true);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(downloads)).toEqual(['report.csv']);
  });

  it('discards only its own spills: an unknown path is left alone', async () => {
    const spill = createSpillFiles(dir.path);
    const file = await spilled(spill);
    const outsider = join(downloads, 'mine.txt');
    await writeFile(outsider, 'keep me');
    await spill.discard(outsider);
    expect(await readFile(outsider, 'utf8')).toBe('keep me');
    await spill.discard(file);
    expect(await readdir(spill.root)).toEqual([]);
    await expect(spill.saveAs(outsider, join(downloads, 'x'), true)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('clears its folder at exit, and a later process sweeps the folders of processes that are gone, not of live ones', async () => {
    const crashed = createSpillFiles(dir.path);
    await spilled(crashed);
    const live = join(dir.path, 'spill', '424242-live');
    await mkdir(live, { recursive: true });
    const next = createSpillFiles(dir.path, { isAlive: (pid) => pid === 424242 });
    // The first one's pid is this process: pretend it ended by giving it another name.
    await rename(crashed.root, join(dir.path, 'spill', '999999-dead'));
    await next.sweep();
    expect((await readdir(join(dir.path, 'spill'))).sort()).toEqual(['424242-live']);
    const own = await spilled(next);
    await next.clear();
    await expect(stat(own)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
