import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBodyFileHandlers } from '../../../main/services/body-file-handlers.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('body file facts and chooser (files:body-file-facts, files:choose-body-file)', () => {
  const temp = { dir: '', remove: () => Promise.resolve() };
  beforeAll(async () => {
    const made = await makeTempDir('countersign-body-facts-');
    temp.dir = made.path;
    temp.remove = made.remove;
  });
  afterAll(() => temp.remove());
  const handlers = createBodyFileHandlers(undefined);
  const ctx = { door: 'test' } as const;
  const facts = (path: string) => handlers['files:body-file-facts']({ path }, ctx);

  it('gives a readable file its name and size, and every other path the reason it cannot be sent', async () => {
    writeFileSync(join(temp.dir, 'a.csv'), 'x'.repeat(1500));
    mkdirSync(join(temp.dir, 'folder'));
    expect(await facts(join(temp.dir, 'a.csv'))).toEqual({ path: join(temp.dir, 'a.csv'), name: 'a.csv', size: 1500, problem: null });
    expect((await facts(join(temp.dir, 'missing.bin'))).problem).toMatch(/missing\.bin cannot be read \(no such file\)/);
    expect((await facts(join(temp.dir, 'folder'))).problem).toMatch(/is not a file/);
    expect((await facts('a.csv')).problem).toMatch(/not absolute/);
    expect((await facts('')).problem).toBe('Choose a file.');
    // A path with a variable is resolved only when sent.
    expect((await facts('{{dir}}/a.csv')).problem).toBeNull();
  });

  it('browser mode has no dialog and says to type the path; the desktop app answers the dialog\'s choice', async () => {
    await expect(handlers['files:choose-body-file']({}, ctx)).rejects.toThrow(/type the file's full path/);
    const desktop = createBodyFileHandlers(() => Promise.resolve('/home/u/a.pdf'));
    expect(await desktop['files:choose-body-file']({}, ctx)).toEqual({ path: '/home/u/a.pdf' });
  });
});
