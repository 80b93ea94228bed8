import { lstat } from 'node:fs/promises';
import { FileExistsError, writePrivateFile } from '../../platform/private-file.ts';

/**
 * Writes an export 0600 through the shared private-file helper: without
 * `force` an existing file (or symlink) is refused atomically and left as it
 * was; with it the file is replaced whole, never half overwritten and never
 * keeping looser permissions.
 */
export async function writeExportFile(path: string, text: string, force: boolean): Promise<'created' | 'replaced' | 'exists'> {
  const existed = await lstat(path).then(
    () => true,
    () => false,
  );
  try {
    await writePrivateFile(path, text, { overwrite: force });
  } catch (error) {
    if (error instanceof FileExistsError) return 'exists';
    throw error;
  }
  return existed ? 'replaced' : 'created';
}
