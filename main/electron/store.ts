import Store, { type Options } from 'electron-store';
import { ensurePrivateDataDirSync } from '../platform/private-dir.ts';
import { openKeepingUnreadable, STORE_FILE_MODE, type KeyValueStore, type StoreFactory } from '../platform/store.ts';

/** electron-store in the data directory: the same conf API the other doors use. */
export function createElectronStoreFactory(dataDir: string, warn: (message: string) => void): StoreFactory {
  // Electron creates userData with the umask's mode: tighten it before anything is written there.
  ensurePrivateDataDirSync(dataDir);
  return <T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> =>
    openKeepingUnreadable(dataDir, name, () => new Store<T>({ cwd: dataDir, name, defaults, configFileMode: STORE_FILE_MODE } as Options<T>), warn, defaults);
}
