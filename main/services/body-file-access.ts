import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute } from 'node:path';
import type { BodyFileFolders } from '../contract/files.ts';
import { ServiceError } from '../contract/errors.ts';
import { checkBodyFile, isTooBroad, neverReadPlaces, platformIgnoresCase, realpath, type BodyFileRules } from '../requests/file-access.ts';
import { defaultDataDir } from '../platform/data-dir.ts';
import type { SettingsService } from './settings.ts';

export type BodyFileAccessService = {
  /** What sends check against: the user's folders, the open workspace folder, and the places never read. */
  rules: BodyFileRules;
  list(): BodyFileFolders;
  /** Adds a folder or a single file the user chose. */
  allow(path: string): Promise<BodyFileFolders>;
  forget(path: string): BodyFileFolders;
};

export type BodyFileAccessOptions = {
  settings: Pick<SettingsService, 'bodyFileFolders' | 'setBodyFileFolders'>;
  dataDir: string;
  /** The workspace folder in use, which the user opened themselves (app, browser mode or --workspace); null for the data folder's workspace.json. */
  workspaceFolder: () => string | null;
  home?: string;
};

/**
 * The allow-list lives in the settings file of the data folder, never in a
 * workspace or collection: an imported or pulled file cannot widen it.
 */
export function createBodyFileAccess(options: BodyFileAccessOptions): BodyFileAccessService {
  const home = options.home ?? homedir();
  // The default data folder too: a CLI run on another --data-dir must not read the app's vault either.
  const usual = defaultDataDir();
  const never = [...neverReadPlaces(options.dataDir, home), ...(usual === options.dataDir ? [] : [{ path: usual, what: "Countersign's default data folder" }])];
  // A workspace folder opened at the root or the home folder would allow nearly every file: it then allows nothing by itself.
  const workspaceFolder = (): string | null => {
    const folder = options.workspaceFolder();
    return folder === null || isTooBroad(folder, home) ? null : folder;
  };
  const rules: BodyFileRules = {
    allowed: () => {
      const folder = workspaceFolder();
      return folder === null ? options.settings.bodyFileFolders() : [...options.settings.bodyFileFolders(), folder];
    },
    never: () => never,
  };
  const list = (): BodyFileFolders => ({ folders: options.settings.bodyFileFolders(), workspaceFolder: workspaceFolder(), never: never.map(({ path, what }) => ({ path, what })) });
  const same = (a: string, b: string): boolean => (platformIgnoresCase ? a.toLowerCase() === b.toLowerCase() : a === b);

  return {
    rules,
    list,
    async allow(path) {
      const given = path.trim();
      if (!isAbsolute(given)) throw new ServiceError('invalid_input', `Give the folder's full path (such as /home/you/uploads), not "${given}".`);
      let real: string;
      try {
        real = await realpath(given);
        await stat(real);
      } catch {
        throw new ServiceError('invalid_input', `${given} does not exist or cannot be read: nothing was allowed.`);
      }
      if (isTooBroad(real, home)) throw new ServiceError('invalid_input', `${real} is too broad to allow as a whole: allow the folder the files are in. Nothing was allowed.`);
      const verdict = await checkBodyFile(real, { allowed: () => [], never: () => never });
      if (verdict.kind === 'never') throw new ServiceError('forbidden', `${real} is in ${verdict.place.what}, which request bodies may never read. Nothing was allowed.`);
      // A folder that holds a never-read place is fine: the never rule still wins inside it.
      const folders = options.settings.bodyFileFolders();
      if (!folders.some((entry) => same(entry, real))) options.settings.setBodyFileFolders([...folders, real]);
      return list();
    },
    forget(path) {
      const folders = options.settings.bodyFileFolders();
      const kept = folders.filter((entry) => !same(entry, path.trim()));
      if (kept.length === folders.length) throw new ServiceError('not_found', `${path} is not among the folders allowed for request bodies.`);
      options.settings.setBodyFileFolders(kept);
      return list();
    },
  };
}
