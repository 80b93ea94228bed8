import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { RingFileWriter } from '../../../main/http/file-writer.ts';
import { RING } from '../../../main/http/file-writer-worker.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const KiB = 1024;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function pattern(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) out[i] = (i * 31 + seed * 7 + (i >> 9)) & 0xff;
  return out;
}

async function tempFile(name: string): Promise<{ path: string; fd: number; close: () => Promise<void> }> {
  const dir = await makeTempDir();
  const path = join(dir.path, name);
  const handle = await open(path, 'wx');
  cleanups.push(async () => {
    await handle.close().catch(() => undefined);
    await dir.remove();
  });
  return { path, fd: handle.fd, close: () => handle.close() };
}

/** Writes like the body sink does: the next chunk only once the previous one was taken. */
async function writeAll(writer: RingFileWriter, chunks: Buffer[]): Promise<void> {
  for (const chunk of chunks) await writer.write(chunk);
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('RingFileWriter (hashing and writing on the writer thread)', () => {
  it('takes bytes placed straight into free slots, mixed with copied chunks, in order (the direct reader\'s way)', async () => {
    const file = await tempFile('slots.bin');
    const writer = new RingFileWriter(file.fd);
    const expected: Buffer[] = [];
    for (let i = 0; i < RING.SLOTS * 3; i += 1) {
      const piece = pattern(1 + ((i * 7919) % RING.SLOT_BYTES), i);
      if (i % 5 === 0) {
        await writer.write(piece);
      } else {
        await writer.roomFreed();
        const slot = writer.freeSlot()!;
        slot.set(piece);
        writer.publishSlot(slot, piece.length);
      }
      expected.push(piece);
    }
    const all = Buffer.concat(expected);
    expect(await writer.finish()).toBe(sha256(all));
    expect((await readFile(file.path)).equals(all)).toBe(true);
  });

  it('gathers TLS-record-sized chunks into large slots: one write per 64 KiB or more, every byte in order', async () => {
    const file = await tempFile('records.bin');
    const writer = new RingFileWriter(file.fd);
    // 16 KiB records with a few odd ones, ~8 MiB: more than the ring holds, so it also waits for the writer.
    const chunks = Array.from({ length: 520 }, (_, i) => pattern(i % 97 === 0 ? 16 * KiB - 5 - i : 16 * KiB, i));
    await writeAll(writer, chunks);
    const digest = await writer.finish();
    const all = Buffer.concat(chunks);
    expect(digest).toBe(sha256(all));
    expect((await readFile(file.path)).equals(all)).toBe(true);
    // One slot per record would be 520.
    expect(writer.slotsPublished).toBeLessThanOrEqual(Math.ceil(all.length / (64 * KiB)) + 1);
  });

  it('refuses to publish a slot that a copying write has taken meanwhile', async () => {
    const file = await tempFile('stale.bin');
    const writer = new RingFileWriter(file.fd);
    const slot = writer.freeSlot()!;
    await writer.write(pattern(10, 1));
    expect(() => writer.publishSlot(slot, 10)).toThrow('not free');
    await writer.cancel();
  });

  it('writes every byte in order and reports its SHA-256, also for chunks larger than the ring', async () => {
    const file = await tempFile('a.bin');
    const writer = new RingFileWriter(file.fd);
    const ringBytes = RING.SLOTS * RING.SLOT_BYTES;
    // Odd sizes cross slot borders; the big one cannot fit at once and must wait for the writer.
    const chunks = [pattern(1, 1), pattern(64 * KiB + 3, 2), pattern(ringBytes + 123_457, 3), pattern(300 * KiB, 4), pattern(17, 5)];
    await writeAll(writer, chunks);
    const digest = await writer.finish();
    await file.close();
    const expected = Buffer.concat(chunks);
    const written = await readFile(file.path);
    expect(written.equals(expected)).toBe(true);
    expect(digest).toBe(sha256(expected));
  });

  it('keeps two files written at the same time apart', async () => {
    const [one, two] = await Promise.all([tempFile('one.bin'), tempFile('two.bin')]);
    const first = new RingFileWriter(one.fd);
    const second = new RingFileWriter(two.fd);
    const a = Array.from({ length: 40 }, (_, i) => pattern(200 * KiB + i, i));
    const b = Array.from({ length: 40 }, (_, i) => pattern(150 * KiB + i, 100 + i));
    await Promise.all([writeAll(first, a), writeAll(second, b)]);
    const [digestA, digestB] = await Promise.all([first.finish(), second.finish()]);
    expect(digestA).toBe(sha256(Buffer.concat(a)));
    expect(digestB).toBe(sha256(Buffer.concat(b)));
    expect((await readFile(one.path)).equals(Buffer.concat(a))).toBe(true);
    expect((await readFile(two.path)).equals(Buffer.concat(b))).toBe(true);
  });

  it('reports a failed write with its error code, and later writes refuse', async () => {
    const file = await tempFile('ro.bin');
    const readOnly = await open(file.path, 'r');
    cleanups.push(() => readOnly.close());
    const writer = new RingFileWriter(readOnly.fd);
    const outcome = writeAll(writer, [pattern(RING.SLOTS * RING.SLOT_BYTES * 2, 1)]).then(
      () => writer.finish(),
      (err: unknown) => Promise.reject(err as Error),
    );
    await expect(outcome).rejects.toMatchObject({ code: 'EBADF' });
    expect(() => writer.write(pattern(10, 2))).toThrow();
  });

  it('stops on cancel, and the thread goes on serving other files', async () => {
    const file = await tempFile('cancelled.bin');
    const writer = new RingFileWriter(file.fd);
    writer.write(pattern(100 * KiB, 1));
    await writer.cancel();
    const next = await tempFile('next.bin');
    const other = new RingFileWriter(next.fd);
    await writeAll(other, [pattern(10, 3)]);
    expect(await other.finish()).toBe(sha256(pattern(10, 3)));
  });

  it('once the ring was full, reading goes on only when a quarter of it is free again, and every byte arrives', async () => {
    // A FIFO as the file: the writer thread blocks in write() until the test reads, so the test sets the disk's pace.
    const dir = await makeTempDir();
    const fifo = join(dir.path, 'slow-disk');
    await promisify(execFile)('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writerFd = openSync(fifo, constants.O_WRONLY);
    cleanups.push(async () => {
      closeSync(reader);
      closeSync(writerFd);
      await dir.remove();
    });
    const writer = new RingFileWriter(writerFd);
    const sent = pattern(RING.SLOTS * RING.SLOT_BYTES, 3);
    expect(writer.write(sent)).toBeNull();
    const got: Buffer[] = [];
    const readSome = async (atLeast: number): Promise<void> => {
      let read = 0;
      while (read < atLeast) {
        const chunk = Buffer.alloc(64 * KiB);
        try {
          const n = readSync(reader, chunk);
          got.push(chunk.subarray(0, n));
          read += n;
        } catch (err) {
          if ((err as { code?: string }).code !== 'EAGAIN') throw err;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    };
    expect(writer.hasFreeSlot()).toBe(false);
    let resumed = false;
    const room = writer.roomFreed().then(() => {
      resumed = true;
    });
    // A few slots drained (the FIFO itself holds up to 64 KiB more): not yet.
    await readSome(4 * RING.SLOT_BYTES);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resumed).toBe(false);
    expect(writer.hasFreeSlot()).toBe(true);
    await readSome(RING.SLOTS / 4 * RING.SLOT_BYTES);
    await room;
    const finished = writer.finish();
    await readSome(sent.length - Buffer.concat(got).length);
    expect(await finished).toBe(sha256(sent));
    expect(Buffer.concat(got).equals(sent)).toBe(true);
  });

  it('does not keep a process alive once its files are done', async () => {
    const file = await tempFile('child.bin');
    await file.close();
    const module = fileURLToPath(new URL('../../../main/http/file-writer.ts', import.meta.url));
    const script = `
      import { open } from 'node:fs/promises';
      const { RingFileWriter } = await import(${JSON.stringify(module)});
      const handle = await open(${JSON.stringify(file.path)}, 'w');
      const writer = new RingFileWriter(handle.fd);
      writer.write(Buffer.from('hello'));
      console.log(await writer.finish());
      await handle.close();
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 });
    expect(stdout.trim()).toBe(sha256(Buffer.from('hello')));
  });
});
