import { join, resolve } from 'node:path';
import { ServiceError } from '../contract/errors.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { FileOpener } from '../platform/file-opener.ts';
import type { SpillFiles } from './spill-files.ts';

/**
 * The files this run saved (response bodies, exports). Open and reveal are
 * limited to them, so the renderer cannot ask main to launch an arbitrary path.
 */
export function createSavedFiles(opener: FileOpener) {
  const saved = new Set<string>();
  const known = (path: string): string => {
    const absolute = resolve(path);
    if (!saved.has(absolute)) throw new ServiceError('forbidden', 'Countersign only opens files it saved in this session.');
    return absolute;
  };
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      throw new ServiceError('failed', error instanceof Error ? error.message : String(error));
    }
    return { done: true as const };
  };
  return {
    remember: (path: string) => void saved.add(resolve(path)),
    open: async (path: string) => {
      const file = known(path);
      return attempt(() => opener.open(file));
    },
    reveal: async (path: string) => {
      const file = known(path);
      return attempt(() => opener.reveal(file));
    },
  };
}

/** Asks the user where to save (Electron's Save dialog); null when they cancelled. */
export type SavePathChooser = (defaultPath: string) => Promise<string | null>;

/**
 * "Save as…" for a spilled response body: the desktop app asks with its
 * native dialog, browser mode sends a file name that goes into the downloads
 * folder. Main moves the file; the renderer only ever handles paths.
 */
export function createSaveAsHandlers(deps: {
  spill: Pick<SpillFiles, 'saveAs' | 'discard' | 'suggestedName'>;
  remember: (path: string) => void;
  downloadsDir: () => string;
  choosePath?: SavePathChooser | undefined;
}): Pick<Handlers, 'files:save-as' | 'files:discard'> {
  return {
    'files:save-as': async ({ path, name, overwrite }) => {
      let target: string;
      if (name !== undefined) {
        target = join(deps.downloadsDir(), name);
      } else {
        if (!deps.choosePath) throw new ServiceError('invalid_input', 'Give the file a name: it is saved in the downloads folder.');
        const chosen = await deps.choosePath(join(deps.downloadsDir(), deps.spill.suggestedName(path)));
        if (chosen === null) return { path: null };
        target = chosen;
      }
      // The native dialog already asked before replacing a file; a typed name replaces only when the user confirmed.
      const saved = await deps.spill.saveAs(path, target, name === undefined || overwrite === true);
      deps.remember(saved);
      return { path: saved };
    },
    'files:discard': async ({ path }) => {
      await deps.spill.discard(path);
      return { done: true as const };
    },
  };
}
