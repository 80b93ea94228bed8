import { closeSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HistoryEntry } from '../contract/history.ts';
import { STORE_FILE_MODE } from '../platform/store.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { migrateLegacyHistory } from './history-legacy.ts';
import { batchOfLines, HISTORY_HEADER, newestEntryLines, parseHistoryLines, serializeBatch } from './history-lines.ts';

/**
 * JSON Lines: one entry per line, appended; compacted to the newest entries now and then. Not node:sqlite:
 * it needs Node 22.13+ unflagged and still prints an ExperimentalWarning on every CLI start, and Electron 45's
 * Node is not guaranteed to carry it; appends of whole lines need nothing but node:fs in every door.
 */
export const HISTORY_FILE_NAME = 'history.jsonl';
export { LEGACY_HISTORY_FILE_NAME } from './history-legacy.ts';
export { HISTORY_LINES_VERSION as HISTORY_SCHEMA_VERSION } from './history-lines.ts';

export type HistoryRead =
  /** `reset`: the file was replaced (compacted or cleared, maybe by another process): `entries` is all of it, not what followed the last read. */
  | { readonly kind: 'read'; readonly reset: boolean; readonly entries: HistoryEntry[]; readonly skipped: number }
  /** From a newer version: kept aside, History starts empty. */
  | { readonly kind: 'set-aside'; readonly problem: string };

export type HistoryFileStore = {
  readonly path: string;
  /** The entries appended since the previous read, by any process on this data directory. */
  read(): HistoryRead;
  /** Appends one batch; resolves with the bytes it took and the file's size after it. */
  append(entries: readonly HistoryEntry[]): Promise<{ written: number; size: number }>;
  /** Rewrites the file with only its newest `keep` entries. */
  compact(keep: number): Promise<void>;
  clear(): Promise<void>;
  /** A problem met while migrating the old history.json, reported once. */
  takeMigrationProblem(): string | null;
};

/**
 * History in the data directory as JSON Lines (0600). Appends never read the file; a read takes only the
 * bytes past the previous read, and a line torn by a crash is skipped rather than failing the rest.
 */
export function createHistoryFileStore(dataDir: string, now: () => number = Date.now): HistoryFileStore {
  const file = join(dataDir, HISTORY_FILE_NAME);
  let migrated = false;
  let migrationProblem: string | null = null;
  let readInode: number | null = null;
  let readOffset = 0;
  const migrateOnce = () => {
    if (migrated) return;
    migrated = true;
    migrationProblem = migrateLegacyHistory(dataDir, file, now);
  };

  return {
    path: file,
    takeMigrationProblem() {
      migrateOnce();
      const problem = migrationProblem;
      migrationProblem = null;
      return problem;
    },
    read() {
      migrateOnce();
      let size: number;
      let inode: number;
      try {
        ({ size, ino: inode } = statSync(file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
        const reset = readInode !== null;
        readInode = null;
        readOffset = 0;
        return { kind: 'read', reset, entries: [], skipped: 0 };
      }
      const reset = inode !== readInode || size < readOffset;
      if (reset) readOffset = 0;
      readInode = inode;
      if (size === readOffset) return { kind: 'read', reset, entries: [], skipped: 0 };
      const bytes = readRange(file, readOffset, size);
      // A last line without its newline may still be being written: leave it for the next read.
      const complete = bytes.lastIndexOf(0x0a) + 1;
      readOffset += complete;
      const parsed = parseHistoryLines(bytes.toString('utf8', 0, complete));
      if (parsed.newerVersion !== null) {
        const kept = `${file}.unreadable-${String(now())}`;
        renameSync(file, kept);
        readInode = null;
        readOffset = 0;
        return { kind: 'set-aside', problem: `${file} is from a newer version (schema ${String(parsed.newerVersion)}); kept as ${kept}.` };
      }
      return { kind: 'read', reset, entries: parsed.entries, skipped: parsed.skipped };
    },
    async append(entries) {
      migrateOnce();
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const handle = await open(file, 'a', STORE_FILE_MODE);
      try {
        const fresh = (await handle.stat()).size === 0;
        // One write per batch: O_APPEND keeps another process's batch from landing inside it.
        const { bytesWritten } = await handle.write((fresh ? HISTORY_HEADER : '') + serializeBatch(entries));
        return { written: bytesWritten, size: (await handle.stat()).size };
      } finally {
        await handle.close();
      }
    },
    async compact(keep) {
      let handle: FileHandle;
      try {
        handle = await open(file, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      try {
        const bytes = await handle.readFile();
        const consumed = bytes.lastIndexOf(0x0a) + 1;
        const newest = newestEntryLines(bytes.toString('utf8', 0, consumed), keep);
        if (newest.newerVersion !== null) return;
        await writeFileAtomic(file, HISTORY_HEADER + batchOfLines(newest.lines));
        // Another process may have appended to the old file while it was being rewritten: carry that across.
        const size = (await handle.stat()).size;
        if (size > consumed) {
          const late = Buffer.alloc(size - consumed);
          await handle.read(late, 0, late.length, consumed);
          const carried = newestEntryLines(late.toString('utf8'), Number.POSITIVE_INFINITY);
          if (carried.lines.length > 0) {
            const target = await open(file, 'a', STORE_FILE_MODE);
            try {
              await target.write(batchOfLines(carried.lines));
            } finally {
              await target.close();
            }
          }
        }
      } finally {
        await handle.close();
      }
    },
    async clear() {
      await writeFileAtomic(file, `${HISTORY_HEADER}\n`);
    },
  };
}

function readRange(file: string, from: number, to: number): Buffer {
  const bytes = Buffer.alloc(to - from);
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, from + done);
      if (n === 0) break;
      done += n;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}
