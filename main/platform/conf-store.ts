import Conf, { type Options } from 'conf';
import { ensurePrivateDataDirSync } from './private-dir.ts';
import { openKeepingUnreadable, STORE_FILE_MODE, type KeyValueStore, type StoreFactory } from './store.ts';

/** conf-backed stores in `dataDir`, for browser mode, the CLI and tests. */
export function createConfStoreFactory(dataDir: string, warn: (message: string) => void = () => {}): StoreFactory {
  // conf would create a missing folder with the umask's mode (0755): make it, or tighten it, first.
  ensurePrivateDataDirSync(dataDir);
  return <T extends Record<string, unknown>>(name: string, defaults: T): KeyValueStore<T> =>
    openKeepingUnreadable(
      dataDir,
      name,
      () => new Conf<T>(confOptions<T>(dataDir, name, defaults)),
      warn,
      defaults,
    );
}

// conf types its defaults with dotted-path keys a generic T cannot satisfy; a plain object of T is what it expects at run time.
function confOptions<T extends Record<string, unknown>>(cwd: string, configName: string, defaults: T): Options<T> {
  return { cwd, configName, projectName: 'countersign', configFileMode: STORE_FILE_MODE, defaults } as Options<T>;
}
