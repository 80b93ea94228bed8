import type { FSWatcher } from 'chokidar';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type FolderWatcher = { close(): Promise<void> };

const IGNORED = /(^|[\\/])(\.git|node_modules)([\\/]|$)|\.tmp$/;

/**
 * Watches a workspace folder with chokidar (inotify, FSEvents or
 * ReadDirectoryChangesW underneath; no polling). chokidar rather than
 * `fs.watch(recursive)`: it follows folders created after the start (a
 * `git pull` that adds a collection), reports an editor's save-by-rename as
 * one change, and behaves the same on Linux, macOS and Windows.
 * Changes are gathered for `settleMs` (a `git pull` touches many files at
 * once), and `isOwn` drops the ones this process wrote itself.
 */
export function watchFolder(
  root: string,
  isOwn: (rel: string, text: string | undefined) => boolean,
  onChange: (paths: string[]) => void,
  settleMs = 150,
): FolderWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const foreign = [...pending].filter((rel) => {
      if (!rel.endsWith('.yaml')) return false;
      let text: string | undefined;
      try {
        text = readFileSync(join(root, rel), 'utf8');
      } catch {
        text = undefined;
      }
      return !isOwn(rel, text);
    });
    pending.clear();
    if (foreign.length > 0) onChange(foreign);
  };
  let closed = false;
  // chokidar is loaded when a folder is first watched: the CLI, which never watches, does not pay for it at start-up.
  const started: Promise<FSWatcher | undefined> = import('chokidar').then(({ watch }) => {
    if (closed) return undefined;
    const watcher = watch(root, { ignoreInitial: true, ignored: (path: string) => IGNORED.test(path), persistent: true });
    watcher.on('all', (_event, path) => {
      pending.add(relative(root, path).split(sep).join('/'));
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
    });
    return watcher;
  }, () => undefined);
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await (await started)?.close();
    },
  };
}
