import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { startHttp } from './support/servers.ts';
import type { Running } from './support/servers.ts';

// A saved response may hold account data: only its owner may read it, however it was written.
let server: Running;
beforeAll(async () => {
  server = await startHttp((_req, res) => {
    res.writeHead(200, { 'content-disposition': 'attachment; filename="statement.csv"' }).end(Buffer.alloc(300 * 1024, 0x41));
  });
});
afterAll(() => server.close());

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-mode-');
});
afterEach(() => dir.remove());

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

const CASES = [
  { how: 'a save over the direct reader', deps: {}, options: (d: string): ExecuteOptions => ({ save: { directory: d } }) },
  { how: 'a save over undici', deps: { directSaves: false }, options: (d: string): ExecuteOptions => ({ save: { directory: d } }) },
  // 300 KiB over a 64 KiB preview: spilled to the downloads folder.
  { how: 'a spill file', deps: {}, options: (d: string): ExecuteOptions => ({ downloadsDir: d, previewLimitBytes: 64 * 1024 }) },
] as const;

describe.each(CASES)('saved bodies are 0600: $how', ({ deps, options }) => {
  it('creates the file readable by its owner only', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/x'), headers: [] }, options(dir.path), testDeps(deps));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.saved?.path).toBe(join(dir.path, 'statement.csv'));
    expect(await mode(join(dir.path, 'statement.csv'))).toBe(0o600);
  });
});

it('an overwritten file ends up 0600 too, whatever mode the old one had', async () => {
  const file = join(dir.path, 'old.csv');
  await writeFile(file, 'old', { mode: 0o644 });
  const result = await executeRequest(
    { method: 'GET', url: server.url('/x'), headers: [] },
    { save: { file }, overwrite: true },
    testDeps(),
  );
  expect(result.ok).toBe(true);
  expect(await mode(file)).toBe(0o600);
});
