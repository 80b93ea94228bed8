import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { HistoryEntry } from '../contract/history.ts';
import { STORE_FILE_MODE } from '../platform/store.ts';

export const HISTORY_FILE_NAME = 'history.json';
export const HISTORY_SCHEMA_VERSION = 1;

const HistoryFile = z.object({ schemaVersion: z.literal(HISTORY_SCHEMA_VERSION), entries: z.array(HistoryEntry) });

export type HistoryLoad =
  | { readonly kind: 'loaded'; readonly entries: HistoryEntry[] }
  /** Unreadable, invalid or from a newer version: kept aside, History starts empty. */
  | { readonly kind: 'set-aside'; readonly problem: string };

export type HistoryFileStore = {
  readonly path: string;
  load(): HistoryLoad;
  save(entries: readonly HistoryEntry[]): void;
};

/** History as its own JSON file in the data directory, written atomically (temp, fsync, rename) with mode 0600. */
export function createHistoryFileStore(dataDir: string, now: () => number = Date.now): HistoryFileStore {
  const file = join(dataDir, HISTORY_FILE_NAME);
  return {
    path: file,
    load() {
      if (!existsSync(file)) return { kind: 'loaded', entries: [] };
      try {
        const parsed = HistoryFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (parsed.success) return { kind: 'loaded', entries: parsed.data.entries };
        throw new Error('not a history file of this version');
      } catch (error) {
        // Never lose what a newer version or a damaged write left: move it aside.
        const kept = `${file}.unreadable-${String(now())}`;
        renameSync(file, kept);
        return { kind: 'set-aside', problem: `${file} could not be used (${error instanceof Error ? error.message : String(error)}); kept as ${kept}.` };
      }
    },
    save(entries) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${String(process.pid)}.tmp`;
      const fd = openSync(temp, 'w', STORE_FILE_MODE);
      try {
        writeSync(fd, JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION, entries }));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
    },
  };
}
