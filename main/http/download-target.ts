import { access, link, open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { RingFileWriter } from './file-writer.ts';

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
  readonly #handle: FileHandle;
  readonly #writer: RingFileWriter;
  readonly #target: DownloadTarget;
  #closed = false;

  private constructor(target: DownloadTarget, tempPath: string, handle: FileHandle) {
    this.#target = target;
    this.tempPath = tempPath;
    this.#handle = handle;
    // Hashing and writing happen on the writer thread, in parallel with receiving.
    this.#writer = new RingFileWriter(handle.fd);
  }

  static async open(target: DownloadTarget, randomHex: () => string): Promise<PartialFile> {
    const tempPath = join(target.directory, `.countersign-${randomHex()}.part`);
    // 'wx': never reuse a file someone else placed there. 0600: a response
    // body may hold account data; the final name keeps this mode (link/rename).
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      return new PartialFile(target, tempPath, handle);
    } catch (err) {
      // The writer thread could not start: leave nothing behind.
      await handle.close().catch(() => undefined);
      await rm(tempPath, { force: true });
      throw err;
    }
  }

  /**
   * Hands the chunk over for hashing and writing. Null when nothing needs
   * awaiting (the common case, so no promise per chunk); a promise while the
   * writer is behind. The chunk may be reused once this returns or settles.
   */
  write(chunk: Uint8Array): Promise<void> | null {
    return this.#writer.write(chunk);
  }

  /** A free slot of the writer's ring to read into directly, or null while it is full (see RingFileWriter). */
  freeSlot(): Uint8Array | null {
    return this.#writer.freeSlot();
  }

  publishSlot(view: Uint8Array, length: number): void {
    this.#writer.publishSlot(view, length);
  }

  /** Whether freeSlot() has room now. */
  hasFreeSlot(): boolean {
    return this.#writer.hasFreeSlot();
  }

  roomFreed(): Promise<void> {
    return this.#writer.roomFreed();
  }

  /** Flushes and closes the file, then moves it into place; returns the final path and its SHA-256. */
  async commit(): Promise<{ path: string; sha256: string }> {
    const sha256 = await this.#writer.finish();
    await this.#close();
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
    // The writer thread lets go of the descriptor before it is closed.
    await this.#writer.cancel();
    await this.#close().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }

  async #close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#handle.close();
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
