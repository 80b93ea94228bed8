import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, link, mkdir, mkdtemp, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ServiceError } from '../contract/errors.ts';

/**
 * Response bodies too large to preview, kept in a private folder under the
 * data directory until the user saves them ("Save as…") or lets them go.
 * Nothing lands in the downloads folder unasked, and a resend never leaves a
 * "report (1).csv" behind.
 *
 * Each process has its own folder (spill/<pid>-<random>), because the app, a
 * browser-mode host and the CLI may share a data directory at the same time;
 * at start the folders of processes that are gone are removed.
 */
export type SpillFiles = ReturnType<typeof createSpillFiles>;

export function createSpillFiles(dataDir: string, options: { isAlive?: (pid: number) => boolean } = {}) {
  const parent = join(dataDir, 'spill');
  const root = join(parent, `${String(process.pid)}-${randomBytes(4).toString('hex')}`);
  const isAlive = options.isAlive ?? processIsAlive;
  /** Spilled file -> the per-send folder holding it. */
  const spilled = new Map<string, string>();
  // Made once: a batch at concurrency 1 otherwise waits on an extra mkdir for every request (issue #16).
  let rootMade = false;

  const inRoot = (path: string): boolean => {
    const rel = relative(root, resolve(path));
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  };
  const requireSpill = (path: string): string => {
    const file = resolve(path);
    if (!spilled.has(file)) throw new ServiceError('not_found', 'That response is no longer kept: send the request again.');
    return file;
  };

  return {
    root,

    /** Removes the spill folders of processes that ended without cleaning up (a crash, a kill). */
    async sweep(): Promise<void> {
      let names: string[];
      try {
        names = await readdir(parent);
      } catch {
        return;
      }
      for (const name of names) {
        const pid = Number(/^(\d+)-/.exec(name)?.[1]);
        if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await rm(join(parent, name), { recursive: true, force: true });
      }
    },

    /** A new empty folder for one send's body. */
    async folder(): Promise<string> {
      if (rootMade) {
        try {
          return await mkdtemp(join(root, 'send-'));
        } catch {
          // Removed meanwhile (by hand, or a cleaner): made again below.
        }
      }
      await mkdir(root, { recursive: true, mode: 0o700 });
      rootMade = true;
      return mkdtemp(join(root, 'send-'));
    },

    /** After a send: keeps the file if the body went into the folder, else removes the empty folder. True when it spilled. */
    async settle(folder: string, savedPath: string | null): Promise<boolean> {
      if (savedPath !== null && inRoot(savedPath) && resolve(dirname(savedPath)) === resolve(folder)) {
        spilled.set(resolve(savedPath), folder);
        return true;
      }
      // Almost always empty: one rmdir instead of rm's walk (lstat, readdir, rmdir) for every send.
      await rmdir(folder).catch(() => rm(folder, { recursive: true, force: true }));
      return false;
    },

    isSpill: (path: string): boolean => spilled.has(resolve(path)),

    /** The user let the response go (closed its tab, sent again). Unknown paths are ignored: the renderer cannot remove other files. */
    async discard(path: string): Promise<void> {
      const file = resolve(path);
      const folder = spilled.get(file);
      if (folder === undefined) return;
      spilled.delete(file);
      await rm(folder, { recursive: true, force: true });
    },

    /** The name the server gave the body, for the Save dialog. */
    suggestedName: (path: string): string => basename(requireSpill(path)),

    /**
     * Moves a spilled body to `target`. Without `overwrite`, an existing file
     * is refused (conflict) and left alone. The result is readable by its owner only.
     */
    async saveAs(path: string, target: string, overwrite: boolean): Promise<string> {
      const file = requireSpill(path);
      const destination = resolve(target);
      try {
        await moveInto(file, destination, overwrite);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ServiceError('conflict', `${destination} already exists: choose another name, or replace it.`);
        if (code === 'ENOENT') throw new ServiceError('failed', `The folder ${dirname(destination)} does not exist.`);
        throw new ServiceError('failed', `The response could not be saved to ${destination}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await chmod(destination, 0o600);
      const folder = spilled.get(file);
      spilled.delete(file);
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
      return destination;
    },

    /** At exit: every spill of this process goes. */
    async clear(): Promise<void> {
      spilled.clear();
      rootMade = false;
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Rename when possible; across file systems, copy then remove. Never replaces a file unless told to. */
async function moveInto(from: string, to: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
    // Copied beside the target first, so the target never holds half a file.
    const partial = join(dirname(to), `.countersign-${randomBytes(6).toString('hex')}.part`);
    try {
      await copyFile(from, partial, constants.COPYFILE_EXCL);
      await chmod(partial, 0o600);
      await rename(partial, to);
    } finally {
      await rm(partial, { force: true });
    }
    await unlink(from);
    return;
  }
  try {
    // link() fails with EEXIST rather than replacing: no window where an existing file could be lost.
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
  await unlink(from);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
