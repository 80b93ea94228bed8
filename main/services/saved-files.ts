import { resolve } from 'node:path';
import { ServiceError } from '../contract/errors.ts';
import type { FileOpener } from '../platform/file-opener.ts';

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
