import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes an export 0600. Without `force` the file must not exist yet (O_EXCL:
 * no check-then-write race); with it, the text goes to a new 0600 file next
 * to the target that then replaces it, so the old file is never half
 * overwritten and never keeps looser permissions.
 * (A shared private-file helper for main/platform/ was being written at the
 * same time; this can move onto it.)
 */
export async function writeExportFile(path: string, text: string, force: boolean): Promise<'created' | 'replaced' | 'exists'> {
  try {
    await writeFile(path, text, { mode: 0o600, flag: 'wx' });
    return 'created';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!force) return 'exists';
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
  return 'replaced';
}
