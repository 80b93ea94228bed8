import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBodyFileAccess } from '../../../main/services/body-file-access.ts';
import { createBodyFileHandlers } from '../../../main/services/body-file-handlers.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** The settings file's allow-list, in memory. */
function memorySettings(initial: string[] = []) {
  let folders = [...initial];
  return { bodyFileFolders: () => [...folders], setBodyFileFolders: (next: readonly string[]) => void (folders = [...next]) };
}

describe('body file facts, chooser and allowed folders (files:body-file-facts, files:choose-body-file, files:allow-body-folder)', () => {
  const temp = { dir: '', remove: () => Promise.resolve() };
  beforeAll(async () => {
    const made = await makeTempDir('countersign-body-facts-');
    temp.dir = await realpath(made.path);
    temp.remove = made.remove;
    mkdirSync(join(temp.dir, 'data'));
    mkdirSync(join(temp.dir, 'home'));
  });
  afterAll(() => temp.remove());
  const ctx = { door: 'test' } as const;
  const make = (choose?: () => Promise<string | null>, folders: string[] = []) => {
    const settings = memorySettings(folders);
    const access = createBodyFileAccess({ settings, dataDir: join(temp.dir, 'data'), workspaceFolder: () => null, home: join(temp.dir, 'home') });
    return { settings, handlers: createBodyFileHandlers(choose, access) };
  };

  it('gives a readable file its name and size, and every other path the reason it cannot be sent', async () => {
    const { handlers } = make(undefined, [temp.dir]);
    const facts = (path: string) => handlers['files:body-file-facts']({ path }, ctx);
    writeFileSync(join(temp.dir, 'a.csv'), 'x'.repeat(1500));
    mkdirSync(join(temp.dir, 'folder'));
    expect(await facts(join(temp.dir, 'a.csv'))).toEqual({ path: join(temp.dir, 'a.csv'), name: 'a.csv', size: 1500, problem: null, access: 'allowed', allowFolder: null });
    expect((await facts(join(temp.dir, 'missing.bin'))).problem).toMatch(/missing\.bin cannot be read \(no such file\)/);
    expect((await facts(join(temp.dir, 'folder'))).problem).toMatch(/is not a file/);
    expect((await facts('a.csv')).problem).toMatch(/not absolute/);
    expect((await facts('')).problem).toBe('Choose a file.');
    // A path with a variable is resolved only when sent.
    expect((await facts('{{dir}}/a.csv')).problem).toBeNull();
  });

  it('says a file is not allowed yet and which folder would allow it; allowing that folder makes it sendable', async () => {
    const { handlers, settings } = make();
    mkdirSync(join(temp.dir, 'uploads'));
    writeFileSync(join(temp.dir, 'uploads', 'b.pdf'), 'PDF');
    const path = join(temp.dir, 'uploads', 'b.pdf');
    const before = await handlers['files:body-file-facts']({ path }, ctx);
    expect(before).toMatchObject({ access: 'not-allowed', allowFolder: join(temp.dir, 'uploads'), size: 3 });
    expect(before.problem).toMatch(/not in a folder you allowed/);
    expect(await handlers['files:allow-body-folder']({ path: join(temp.dir, 'uploads') }, ctx)).toMatchObject({ folders: [join(temp.dir, 'uploads')] });
    expect(settings.bodyFileFolders()).toEqual([join(temp.dir, 'uploads')]);
    expect(await handlers['files:body-file-facts']({ path }, ctx)).toMatchObject({ access: 'allowed', problem: null });
    await handlers['files:forget-body-folder']({ path: join(temp.dir, 'uploads') }, ctx);
    expect((await handlers['files:body-file-facts']({ path }, ctx)).access).toBe('not-allowed');
  });

  it('refuses to allow the data folder, the home folder as a whole, the root or a relative path', async () => {
    const { handlers, settings } = make();
    await expect(handlers['files:allow-body-folder']({ path: join(temp.dir, 'data') }, ctx)).rejects.toThrow(/may never read/);
    await expect(handlers['files:allow-body-folder']({ path: join(temp.dir, 'home') }, ctx)).rejects.toThrow(/too broad/);
    await expect(handlers['files:allow-body-folder']({ path: '/' }, ctx)).rejects.toThrow(/too broad/);
    await expect(handlers['files:allow-body-folder']({ path: 'uploads' }, ctx)).rejects.toThrow(/full path/);
    expect(settings.bodyFileFolders()).toEqual([]);
  });

  it('the workspace folder the user opened is allowed while open, except a link out of it; opened at the home folder it allows nothing', async () => {
    const repo = join(temp.dir, 'repo');
    mkdirSync(join(repo, 'fixtures'), { recursive: true });
    writeFileSync(join(repo, 'fixtures', 'sample.pdf'), 'PDF');
    writeFileSync(join(temp.dir, 'home', 'private.txt'), 'private');
    symlinkSync(join(temp.dir, 'home', 'private.txt'), join(repo, 'fixtures', 'link.pdf'));
    let open: string | null = repo;
    const settings = memorySettings();
    const access = createBodyFileAccess({ settings, dataDir: join(temp.dir, 'data'), workspaceFolder: () => open, home: join(temp.dir, 'home') });
    const facts = (path: string) => createBodyFileHandlers(undefined, access)['files:body-file-facts']({ path }, ctx);
    expect((await facts(join(repo, 'fixtures', 'sample.pdf'))).access).toBe('allowed');
    expect((await facts(join(repo, 'fixtures', 'link.pdf'))).access).toBe('not-allowed');
    expect(access.list().workspaceFolder).toBe(repo);
    open = join(temp.dir, 'home');
    expect((await facts(join(temp.dir, 'home', 'private.txt'))).access).toBe('not-allowed');
    expect(access.list().workspaceFolder).toBeNull();
    open = null;
    expect((await facts(join(repo, 'fixtures', 'sample.pdf'))).access).toBe('not-allowed');
  });

  it("browser mode has no dialog and says to type the path; the desktop app's dialog choice allows that one file", async () => {
    await expect(make().handlers['files:choose-body-file']({}, ctx)).rejects.toThrow(/type the file's full path/);
    const chosen = join(temp.dir, 'chosen.pdf');
    writeFileSync(chosen, 'x');
    const desktop = make(() => Promise.resolve(chosen));
    expect(await desktop.handlers['files:choose-body-file']({}, ctx)).toEqual({ path: chosen });
    expect(desktop.settings.bodyFileFolders()).toEqual([chosen]);
    // Only that file: its neighbours stay refused.
    writeFileSync(join(temp.dir, 'neighbour.pdf'), 'x');
    expect((await desktop.handlers['files:body-file-facts']({ path: join(temp.dir, 'neighbour.pdf') }, ctx)).access).toBe('not-allowed');
  });
});
