import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { VAULT_FILE_NAME } from './file/vault-file-store.ts';

export type VaultFileWatch = { close(): void };

export type WatchVaultFileOptions = {
  dataDir: string;
  /** Called once per burst of changes (an atomic write is several events), after `settleMs` of quiet. */
  onChange: () => void;
  log?: (message: string, error?: unknown) => void;
  settleMs?: number;
  /** How often the polling fallback looks, where the folder cannot be watched. */
  pollMs?: number;
};

/**
 * Notices when another process (the CLI, a second window, a restore) changes
 * the vault file. The folder is watched, not the file: writes replace the file
 * by rename, which a watch on the file itself would lose track of. Where the
 * folder cannot be watched, the file's stat is polled instead.
 */
export function watchVaultFile(options: WatchVaultFileOptions): VaultFileWatch {
  const settleMs = options.settleMs ?? 150;
  const file = join(options.dataDir, VAULT_FILE_NAME);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const changed = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!closed) options.onChange();
    }, settleMs);
  };

  let watcher: FSWatcher | null = null;
  let polling = false;
  const poll = () => {
    if (polling || closed) return;
    polling = true;
    watchFile(file, { interval: options.pollMs ?? 2000, persistent: false }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino || now.size !== before.size) changed();
    });
  };
  try {
    watcher = watch(options.dataDir, { persistent: false }, (_event, name) => {
      // Some platforms give no name: any change in the folder may be the vault's.
      if (name === null || name === VAULT_FILE_NAME) changed();
    });
    watcher.on('error', (error) => {
      options.log?.('watching the vault folder stopped; polling the vault file instead', error);
      watcher?.close();
      watcher = null;
      poll();
    });
  } catch (error) {
    options.log?.('the vault folder cannot be watched; polling the vault file instead', error);
    poll();
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      if (polling) unwatchFile(file);
    },
  };
}
