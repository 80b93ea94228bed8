import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { access, link, rename, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Where a saved body should end up. */
export interface DownloadTarget {
  directory: string;
  /** Already sanitized (or chosen by the user). */
  name: string;
  /** Replace an existing file of that name instead of picking "name (1).ext". */
  overwrite: boolean;
}

/** "report.csv", 2 -> "report (2).csv"; n = 0 is the name itself. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const ext = extname(name);
  const stem = ext === '' ? name : name.slice(0, -ext.length);
  return `${stem} (${n})${ext}`;
}

const MAX_NUMBERED = 10_000;

/**
 * A file being written next to its final place under a temporary name. The
 * final name only ever appears complete: commit() hard-links (or renames) the
 * finished temp file into place; discard() removes it after a failure or cancel.
 */
export class PartialFile {
  readonly tempPath: string;
  readonly #stream: WriteStream;
  readonly #hash: Hash = createHash('sha256');
  readonly #target: DownloadTarget;
  /** The first write error, kept so it is reported rather than crashing the process. */
  #failure: Error | null = null;

  private constructor(target: DownloadTarget, tempPath: string, stream: WriteStream) {
    this.#target = target;
    this.tempPath = tempPath;
    this.#stream = stream;
    stream.on('error', (err) => {
      this.#failure ??= err;
    });
  }

  static async open(target: DownloadTarget, randomHex: () => string): Promise<PartialFile> {
    const tempPath = join(target.directory, `.countersign-${randomHex()}.part`);
    // 'wx': never reuse a file someone else placed there. A 1 MiB buffer lets
    // the stream batch small network chunks into few large writes.
    const stream = createWriteStream(tempPath, { flags: 'wx', mode: 0o644, highWaterMark: 1024 * 1024 });
    await once(stream, 'open');
    return new PartialFile(target, tempPath, stream);
  }

  /**
   * Hashes and queues the chunk. Null when nothing needs awaiting (the common
   * case, so no promise per chunk); a promise while the write buffer is full.
   */
  write(chunk: Uint8Array): Promise<void> | null {
    if (this.#failure) throw this.#failure;
    this.#hash.update(chunk);
    if (!this.#stream.write(chunk)) return once(this.#stream, 'drain').then(() => undefined);
    return null;
  }

  /** Flushes and closes the file, then moves it into place; returns the final path and its SHA-256. */
  async commit(): Promise<{ path: string; sha256: string }> {
    await new Promise<void>((resolve, reject) => {
      this.#stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
    if (this.#failure) throw this.#failure;
    const sha256 = this.#hash.digest('hex');
    const { directory, name, overwrite } = this.#target;
    if (overwrite) {
      const finalPath = join(directory, name);
      await rename(this.tempPath, finalPath);
      return { path: finalPath, sha256 };
    }
    for (let n = 0; n < MAX_NUMBERED; n += 1) {
      const finalPath = join(directory, numberedName(name, n));
      if (await placeWithoutOverwrite(this.tempPath, finalPath)) return { path: finalPath, sha256 };
    }
    throw Object.assign(new Error('no free file name'), { code: 'EEXIST' });
  }

  async discard(): Promise<void> {
    if (!this.#stream.closed) {
      const closed = once(this.#stream, 'close').catch(() => undefined);
      this.#stream.destroy();
      await closed;
    }
    await rm(this.tempPath, { force: true });
  }
}

/** link() never replaces an existing file, so two downloads cannot clobber each other. */
async function placeWithoutOverwrite(tempPath: string, finalPath: string): Promise<boolean> {
  try {
    await link(tempPath, finalPath);
    await rm(tempPath, { force: true });
    return true;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
  }
  // File systems without hard links: check, then rename (a small race remains there).
  try {
    await access(finalPath);
    return false;
  } catch {
    await rename(tempPath, finalPath);
    return true;
  }
}
