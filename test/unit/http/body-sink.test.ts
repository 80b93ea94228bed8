import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consumeBody } from '../../../main/http/body-sink.ts';
import { PartialFile } from '../../../main/http/download-target.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const KiB = 1024;

function chunk(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) out[i] = (i * 7 + seed) & 0xff;
  return out;
}

async function sinkInto(directory: string, body: PassThrough): ReturnType<typeof consumeBody> {
  let n = 0;
  return consumeBody(body, {
    previewLimit: 16 * KiB,
    saveFromStart: false,
    canSpill: true,
    openFile: () => PartialFile.open({ directory, name: 'out.bin', overwrite: false }, () => `t${String((n += 1))}`),
    onBytes: () => undefined,
  });
}

describe('consumeBody (event-driven reading)', () => {
  it('keeps every byte in order when chunks arrive while the spill file is still opening', async () => {
    const dir = await makeTempDir();
    const body = new PassThrough();
    const parts = [chunk(10 * KiB, 1), chunk(10 * KiB, 2), chunk(10 * KiB, 3), chunk(10 * KiB, 4)];
    const sunk = sinkInto(dir.path, body);
    // All written synchronously: the spill starts on the second chunk, the rest queue behind it.
    for (const part of parts) body.write(part);
    body.end();
    const result = await sunk;
    const expected = Buffer.concat(parts);
    expect(result.bytes).toBe(expected.length);
    expect(result.truncated).toBe(true);
    expect(result.saved?.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(await readFile(result.saved?.path ?? '')).toEqual(expected);
    await dir.remove();
  });

  it('fails and leaves no file behind when the body breaks after the spill began', async () => {
    const dir = await makeTempDir();
    const body = new PassThrough();
    const sunk = sinkInto(dir.path, body);
    body.write(chunk(40 * KiB, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    body.destroy(new Error('connection reset'));
    await expect(sunk).rejects.toThrow('connection reset');
    expect(await readdir(dir.path)).toEqual([]);
    await dir.remove();
  });

  it('removes the spill file when the body breaks while that file is still opening', async () => {
    const dir = await makeTempDir();
    const body = new PassThrough();
    const sunk = consumeBody(body, {
      previewLimit: 16 * KiB,
      saveFromStart: false,
      canSpill: true,
      openFile: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return PartialFile.open({ directory: dir.path, name: 'out.bin', overwrite: false }, () => 'slow');
      },
      onBytes: () => undefined,
    });
    body.write(chunk(40 * KiB, 6));
    setImmediate(() => body.destroy(new Error('connection reset')));
    await expect(sunk).rejects.toThrow('connection reset');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readdir(dir.path)).toEqual([]);
    await dir.remove();
  });
});
