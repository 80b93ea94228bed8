import { randomBytes } from 'node:crypto';
import { chmod, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;

/**
 * Replaces `path` with `data` so a crash at any point leaves either the old
 * or the new file: write a temp file beside it, fsync it, rename over, then
 * fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, data: string | Buffer, mode = PRIVATE_FILE_MODE): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

export async function syncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes sure an existing file is owner-only (it may come from a copy or an older version). */
export async function restrictMode(path: string, mode = PRIVATE_FILE_MODE): Promise<void> {
  if (process.platform !== 'win32') await chmod(path, mode);
}

const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;
const STALE_AFTER_MS = 60_000;

/**
 * Removes temp files a killed writer left behind. Only old ones: a fresh one
 * may belong to another process writing right now.
 */
export async function removeStaleTempFiles(directory: string, nowMs = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return;
  }
  for (const name of names.filter((file) => TEMP_NAME.test(file))) {
    const path = join(directory, name);
    try {
      if (nowMs - (await stat(path)).mtimeMs > STALE_AFTER_MS) await rm(path, { force: true });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}
