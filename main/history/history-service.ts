import { ServiceError } from '../contract/errors.ts';
import type { HistoryEntry } from '../contract/history.ts';
import { fitForFile } from './history-entry.ts';
import type { HistoryFileStore } from './history-file.ts';

export const HISTORY_LIMIT = 500;
/**
 * Entries recorded within this long go to the file in one append. A batch of sends (run-collection at
 * concurrency 1) would otherwise pay an open, a write and a close per send, and the schema check of each
 * entry would run between two sends instead of while they wait for the network.
 */
export const HISTORY_BATCH_MS = 25;

export type HistoryService = {
  /** Never touches the disk: the entry is queued and written with others (within HISTORY_BATCH_MS), off the send's path. */
  record(entry: HistoryEntry): void;
  /** Newest first. */
  list(filter?: { requestId?: string | undefined; limit?: number | undefined }): HistoryEntry[];
  get(id: string): HistoryEntry;
  clear(): Promise<{ cleared: number }>;
  /** Resolves once every entry recorded so far is written (or its write failed and was reported). */
  flush(): Promise<void>;
  /** Reading it loads the history if nothing has yet. */
  readonly loadProblem: string | null;
};

export type HistoryServiceOptions = {
  store: HistoryFileStore;
  limit?: number;
  /** `count` is what this process knows of: listeners re-list to see other processes' sends. */
  onChange?: (count: number) => void;
  /** A failed write must not fail the send it records. */
  onWriteError?: (error: unknown) => void;
  /** A file set aside (newer version, unreadable legacy file), reported when first met. */
  onLoadProblem?: (problem: string) => void;
  /** How long recorded entries wait to be written together (default HISTORY_BATCH_MS); flush() does not wait. */
  batchMs?: number;
};

/**
 * Every send, bounded: the file is compacted to the newest `limit` entries once it holds about twice
 * that, and no view holds more than `limit`. Other processes on the same data directory (the CLI beside
 * the app) append to the same file; a list or get picks up what they wrote since.
 */
export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const { store } = options;
  const limit = options.limit ?? HISTORY_LIMIT;
  let onDisk: HistoryEntry[] = [];
  let loaded = false;
  let problem: string | null = null;
  let queued: HistoryEntry[] = [];
  let writing: HistoryEntry[] = [];
  /** Entries whose write failed: kept for this process's views, not retried (a full disk stays full). */
  let unsaved: HistoryEntry[] = [];
  let known = 0;
  let chain: Promise<void> = Promise.resolve();
  let scheduled = false;
  let busy = false;
  let ownBytes = 0;
  let ownEntries = 0;
  const batchMs = options.batchMs ?? HISTORY_BATCH_MS;
  /** Ends the wait before the next batch early (flush). */
  let writeNow: (() => void) | null = null;

  const reportProblem = (found: string | null) => {
    if (found === null) return;
    problem = found;
    options.onLoadProblem?.(found);
  };
  const refresh = () => {
    reportProblem(store.takeMigrationProblem());
    const read = store.read();
    loaded = true;
    if (read.kind === 'set-aside') {
      onDisk = [];
      reportProblem(read.problem);
      return;
    }
    onDisk = (read.reset ? read.entries : onDisk.concat(read.entries)).slice(-limit);
  };
  const view = (): HistoryEntry[] => {
    refresh();
    const written = new Set(onDisk.map((entry) => entry.id));
    // A batch can be on disk before its write resolves: count it once. Queued entries are shown as they will be written.
    const pending = [...unsaved, ...writing, ...queued.map(fitForFile)].filter((entry) => !written.has(entry.id));
    const all = pending.length === 0 ? onDisk : onDisk.concat(pending).slice(-limit);
    known = all.length;
    return all;
  };

  const writeBatch = async () => {
    scheduled = false;
    busy = true;
    try {
      await appendQueued();
    } finally {
      busy = false;
    }
  };
  const appendQueued = async () => {
    if (queued.length === 0) return;
    const batch = queued.map(fitForFile);
    writing = batch;
    queued = [];
    let size: number;
    let written: number;
    try {
      ({ size, written } = await store.append(batch));
    } catch (error) {
      unsaved = unsaved.concat(batch).slice(-limit);
      options.onWriteError?.(error);
      return;
    } finally {
      writing = [];
    }
    // The file's entry count is estimated from the size of this process's own lines, so a send never reads it.
    ownEntries += batch.length;
    ownBytes += written;
    if (size / (ownBytes / ownEntries) <= 2 * limit) return;
    try {
      await store.compact(limit);
    } catch (error) {
      options.onWriteError?.(error);
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const wait = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          writeNow = null;
          resolve();
        }, batchMs);
        writeNow = () => {
          clearTimeout(timer);
          writeNow = null;
          resolve();
        };
      });
    chain = chain.then(wait).then(writeBatch);
  };

  return {
    get loadProblem() {
      if (!loaded) refresh();
      return problem;
    },
    record(entry) {
      queued.push(entry);
      if (queued.length > limit) queued = queued.slice(-limit);
      known = Math.min(limit, known + 1);
      options.onChange?.(known);
      schedule();
    },
    list(filter = {}) {
      const newestFirst = view().filter((entry) => filter.requestId === undefined || entry.requestId === filter.requestId).reverse();
      return filter.limit === undefined ? newestFirst : newestFirst.slice(0, filter.limit);
    },
    get(id) {
      const found = view().find((entry) => entry.id === id);
      if (!found) throw new ServiceError('not_found', 'That history entry no longer exists.');
      return found;
    },
    async clear() {
      const cleared = view().length;
      queued = [];
      unsaved = [];
      // After the write in flight, so that batch cannot land in the file after it was emptied.
      const done = chain.then(() => store.clear());
      chain = done.catch(() => {});
      await done;
      onDisk = [];
      known = 0;
      options.onChange?.(0);
      return { cleared };
    },
    async flush() {
      while (scheduled || busy) {
        writeNow?.();
        await chain;
      }
    },
  };
}
