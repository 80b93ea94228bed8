import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startStreamServer } from './support/child-server.ts';
import { testDeps } from './support/deps.ts';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

let server: { port: number; stop: () => Promise<void> };
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  server = await startStreamServer();
  dir = await makeTempDir('countersign-big-');
});
afterAll(async () => {
  await server.stop();
  await dir.remove();
});

/** The SHA-256 the stream server's 2 GiB body must have, computed the same way it generates bytes. */
function expectedSha256(size: number): string {
  const block = Buffer.alloc(256 * 1024);
  for (let i = 0; i < block.length; i += 1) block[i] = (i * 7 + 3) & 0xff;
  const hash = createHash('sha256');
  for (let left = size; left > 0; left -= block.length) hash.update(left >= block.length ? block : block.subarray(0, left));
  return hash.digest('hex');
}

/** The same download taken by undici (spilled to the downloads folder) and by the direct reader (a save). */
const VARIANTS = [
  { variant: 'spilled over undici', options: (path: string): ExecuteOptions => ({ downloadsDir: path }) },
  { variant: 'saved over the direct reader', options: (path: string): ExecuteOptions => ({ save: { directory: path } }) },
] as const;

it.each(VARIANTS)(
  'streams a 2 GiB download to disk with bounded memory and the right SHA-256 ($variant)',
  async ({ variant, options }) => {
    const size = 2 * GiB;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let progressEvents = 0;
    const result = await executeRequest(
      { method: 'GET', url: `http://127.0.0.1:${server.port}/bytes?size=${size}`, headers: [] },
      { ...options(dir.path), onProgress: () => (progressEvents += 1) },
      testDeps(),
    );
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!result.ok) throw new Error(result.error.message);
    const saved = result.response.saved!;
    expect(saved.path).toBe(join(dir.path, 'big.bin'));
    expect(saved.bytes).toBe(size);
    expect((await stat(saved.path)).size).toBe(size);
    expect(saved.sha256).toBe(expectedSha256(size));
    expect(await readdir(dir.path)).toEqual(['big.bin']);
    expect(progressEvents).toBeGreaterThan(0);
    const growthMiB = (peak - before) / MiB;
    await rm(saved.path);
    console.info(`2 GiB download ${variant}: RSS growth ${growthMiB.toFixed(1)} MiB, ${result.response.timing.downloadMs.toFixed(0)} ms`);
    expect(growthMiB).toBeLessThan(200);
  },
  180_000,
);
