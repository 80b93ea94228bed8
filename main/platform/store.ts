import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The slice of the conf / electron-store API the services use. Electron gives
 * them electron-store; browser mode, the CLI and tests give them conf. Both
 * write atomically and take a directory, so tests point them at a temp dir.
 */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T & string>(key: K): T[K];
  set<K extends keyof T & string>(key: K, value: T[K]): void;
  readonly store: T;
  readonly path: string;
}

export type StoreFactory = <T extends Record<string, unknown>>(name: string, defaults: T) => KeyValueStore<T>;

/** Files holding user data are readable by their owner only. */
export const STORE_FILE_MODE = 0o600;

/**
 * Opens a store; if its file cannot be parsed, the file is moved aside (kept,
 * never overwritten), the user is told where, and the store starts afresh.
 */
export function openKeepingUnreadable<S>(dataDir: string, name: string, open: () => S, warn: (message: string) => void): S {
  try {
    return open();
  } catch (error) {
    const file = join(dataDir, `${name}.json`);
    if (!existsSync(file)) throw error;
    const kept = `${file}.unreadable-${Date.now()}`;
    renameSync(file, kept);
    warn(`${file} could not be read (${error instanceof Error ? error.message : String(error)}); it was kept as ${kept} and defaults are in use.`);
    return open();
  }
}
