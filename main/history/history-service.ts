import { ServiceError } from '../contract/errors.ts';
import type { HistoryEntry } from '../contract/history.ts';
import type { HistoryFileStore } from './history-file.ts';

export const HISTORY_LIMIT = 500;

export type HistoryService = {
  record(entry: HistoryEntry): void;
  /** Newest first. */
  list(filter?: { requestId?: string | undefined; limit?: number | undefined }): HistoryEntry[];
  get(id: string): HistoryEntry;
  clear(): { cleared: number };
  readonly loadProblem: string | null;
};

export type HistoryServiceOptions = {
  store: HistoryFileStore;
  limit?: number;
  onChange?: (count: number) => void;
  /** A failed write must not fail the send it records. */
  onWriteError?: (error: unknown) => void;
};

/** Every send, newest last on disk, bounded: the oldest are dropped past the limit. */
export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const limit = options.limit ?? HISTORY_LIMIT;
  const loaded = options.store.load();
  let entries: HistoryEntry[] = loaded.kind === 'loaded' ? loaded.entries.slice(-limit) : [];
  // Another process on the same data directory (the CLI beside the app) may have written since: read before changing or listing, so neither loses the other's sends.
  const refresh = () => {
    const now = options.store.load();
    if (now.kind === 'loaded') entries = now.entries.slice(-limit);
  };
  const persist = () => {
    try {
      options.store.save(entries);
    } catch (error) {
      options.onWriteError?.(error);
    }
    options.onChange?.(entries.length);
  };
  return {
    loadProblem: loaded.kind === 'set-aside' ? loaded.problem : null,
    record(entry) {
      refresh();
      entries.push(entry);
      if (entries.length > limit) entries = entries.slice(-limit);
      persist();
    },
    list(filter = {}) {
      refresh();
      const newestFirst = entries.filter((entry) => filter.requestId === undefined || entry.requestId === filter.requestId).reverse();
      return filter.limit === undefined ? newestFirst : newestFirst.slice(0, filter.limit);
    },
    get(id) {
      refresh();
      const found = entries.find((entry) => entry.id === id);
      if (!found) throw new ServiceError('not_found', 'That history entry no longer exists.');
      return found;
    },
    clear() {
      refresh();
      const cleared = entries.length;
      entries = [];
      persist();
      return { cleared };
    },
  };
}
