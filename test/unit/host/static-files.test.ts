import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRendererFile } from '../../../main/security/static-files.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('renderer file serving', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let root: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    root = join(dir.path, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir.path, 'outside.txt'), 'private');
  });
  afterAll(() => dir.remove());

  it('serves index.html for / and files with their content type', async () => {
    expect((await readRendererFile(root, '/'))?.contentType).toMatch(/text\/html/);
    expect((await readRendererFile(root, '/assets/app.js'))?.contentType).toMatch(/javascript/);
  });

  it.each(['/../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e/%2e%2e/outside.txt', '/..%5coutside.txt', '/index.html%00.js', '/%E0%A4%A'])(
    'refuses %s',
    async (path) => {
      expect(await readRendererFile(root, path)).toBeNull();
    },
  );

  it('refuses directories and missing files', async () => {
    expect(await readRendererFile(root, '/assets')).toBeNull();
    expect(await readRendererFile(root, '/missing.js')).toBeNull();
  });
});
