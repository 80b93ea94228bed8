import { isAbsolute, resolve } from 'node:path';
import { ServiceError } from '../contract/errors.ts';
import { DEFAULT_SETTINGS, Settings, type DownloadsFolder, type SettingsPatch } from '../contract/settings.ts';
import type { EventBus } from '../core/event-bus.ts';
import { defaultDownloadsDir, ensureFolder } from '../platform/downloads-dir.ts';
import type { StoreFactory } from '../platform/store.ts';

export type SettingsService = {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** The downloads folder as Settings shows it. */
  downloads(): DownloadsFolder;
  /** An absolute folder (created if missing), or null for the OS downloads folder. */
  setDownloads(dir: string | null): DownloadsFolder;
  /** The folder to save into now, created if missing. */
  downloadsDir(): string;
  /** Folders and single files request bodies may read (body-file-access.ts checks what goes in). */
  bodyFileFolders(): string[];
  setBodyFileFolders(folders: readonly string[]): void;
};

/** The settings file also keeps the chosen downloads folder (null: the OS default) and the folders body files may come from. */
type StoredSettings = Settings & { downloadsDir: string | null; bodyFileFolders: string[] };

export function createSettingsService(stores: StoreFactory, bus: EventBus, defaultDir: () => string = defaultDownloadsDir): SettingsService {
  const store = stores<StoredSettings>('settings', { ...DEFAULT_SETTINGS, downloadsDir: null, bodyFileFolders: [] });

  // A hand-edited file may hold anything: read field by field, falling back to defaults.
  const read = (): Settings => {
    const stored = store.store as Record<string, unknown>;
    const theme = Settings.shape.theme.safeParse(stored.theme);
    return { theme: theme.success ? theme.data : DEFAULT_SETTINGS.theme };
  };

  const chosenDir = (): string | null => {
    const value = (store.store as Record<string, unknown>).downloadsDir;
    return typeof value === 'string' && isAbsolute(value) ? value : null;
  };
  const downloads = (): DownloadsFolder => {
    const chosen = chosenDir();
    const fallback = defaultDir();
    return { dir: chosen ?? fallback, isDefault: chosen === null, defaultDir: fallback };
  };

  return {
    get: read,
    downloads,
    setDownloads(dir) {
      if (dir !== null) {
        if (!isAbsolute(dir.trim())) throw new ServiceError('invalid_input', `The downloads folder must be a full path (such as /home/you/Reports), not "${dir}".`);
        const folder = resolve(dir.trim());
        try {
          ensureFolder(folder);
        } catch (error) {
          const why = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file of that name is in the way' : error instanceof Error ? error.message : String(error);
          throw new ServiceError('invalid_input', `${folder} cannot be used as the downloads folder: ${why}. The folder in use is unchanged.`);
        }
        store.set('downloadsDir', folder);
      } else {
        store.set('downloadsDir', null);
      }
      const next = downloads();
      bus.emit('settings:downloads-changed', next);
      return next;
    },
    downloadsDir() {
      const { dir } = downloads();
      try {
        return ensureFolder(dir);
      } catch (error) {
        throw new ServiceError('failed', `The downloads folder ${dir} cannot be used (${error instanceof Error ? error.message : String(error)}): choose another in Settings.`);
      }
    },
    bodyFileFolders() {
      // A hand-edited file may hold anything: only absolute paths count.
      const value = (store.store as Record<string, unknown>).bodyFileFolders;
      return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && isAbsolute(entry)) : [];
    },
    setBodyFileFolders(folders) {
      store.set('bodyFileFolders', [...folders]);
    },
    update(patch) {
      const next: Settings = { theme: patch.theme ?? read().theme };
      store.set('theme', next.theme);
      bus.emit('settings:changed', next);
      return next;
    },
  };
}
