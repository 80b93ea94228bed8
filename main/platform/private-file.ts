import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Owner read/write only: the mode of every file that can hold response data or keys. */
export const PRIVATE_FILE_MODE = 0o600;

export type PrivateFileOptions = {
  /** Replace an existing file (its directory entry: a symlink there is replaced, never followed). Default false. */
  overwrite?: boolean;
  /** 0600 unless said otherwise (a public key may be 0644). */
  mode?: number;
};

/** Thrown when the target exists and overwriting was not asked for. */
export class FileExistsError extends Error {
  readonly code = 'EEXIST';
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists; it was left as it was.`);
    this.name = 'FileExistsError';
    this.path = path;
  }
}

// O_NOFOLLOW does not exist on Windows; there a symlink needs privileges to make.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Writes `content` to `path` as a new private file. The bytes go to a temp
 * file in the same folder (created exclusively, never through a symlink, with
 * the mode set explicitly so an umask or an old file's mode cannot loosen it),
 * then take the final name: by link when the name must be free (so an existing
 * file or symlink is refused atomically), by rename when overwriting (which
 * replaces the directory entry, never a symlink's target). The final name
 * never holds half a file.
 */
export async function writePrivateFile(path: string, content: string | Uint8Array, options: PrivateFileOptions = {}): Promise<void> {
  const temporary = temporaryBeside(path);
  await writeExclusive(temporary, content, options.mode ?? PRIVATE_FILE_MODE);
  await place(temporary, path, options.overwrite ?? false);
}

/**
 * Moves a finished file (such as a downloaded body) to `path` under the same
 * rules as writePrivateFile. Across file systems the bytes are copied into a
 * fresh private temp file beside `path` first.
 */
export async function movePrivateFile(source: string, path: string, options: PrivateFileOptions = {}): Promise<void> {
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  const temporary = temporaryBeside(path);
  try {
    await rename(source, temporary);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // COPYFILE_EXCL: the temp name is ours alone; the copy takes the mode set just below.
    await copyFile(source, temporary, constants.COPYFILE_EXCL);
    await rm(source, { force: true });
  }
  try {
    const handle = await open(temporary, constants.O_RDONLY | NO_FOLLOW);
    try {
      await handle.chmod(mode);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await place(temporary, path, options.overwrite ?? false);
}

/** Refuses early (before any costly work) when `path` is taken and may not be replaced. */
export async function assertFreeOrReplaceable(path: string, overwrite: boolean): Promise<void> {
  try {
    const existing = await lstat(path);
    if (existing.isDirectory()) throw new Error(`${path} is a folder.`);
    if (!overwrite) throw new FileExistsError(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
}

function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function writeExclusive(temporary: string, content: string | Uint8Array, mode: number): Promise<void> {
  const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, mode);
  try {
    await handle.chmod(mode);
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
}

async function place(temporary: string, path: string, overwrite: boolean): Promise<void> {
  try {
    if (overwrite) {
      const existing = await lstat(path).catch(() => null);
      if (existing?.isDirectory()) throw new Error(`${path} is a folder.`);
      await rename(temporary, path);
      return;
    }
    try {
      await link(temporary, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(path);
      // File systems without hard links (FAT, some shares): an exclusive copy keeps the same guarantees bar atomicity.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      await copyFile(temporary, path, constants.COPYFILE_EXCL).catch((copyError: unknown) => {
        throw (copyError as NodeJS.ErrnoException).code === 'EEXIST' ? new FileExistsError(path) : copyError;
      });
    }
    await unlink(temporary);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
