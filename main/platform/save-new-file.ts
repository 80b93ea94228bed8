import { extname, join } from 'node:path';
import { FileExistsError, writePrivateFile } from './private-file.ts';

/**
 * Writes `content` to a new file in `directory`, never replacing one: when the
 * name is taken, "name (1).ext", "name (2).ext"… Each try is writePrivateFile's
 * exclusive, no-follow placement, so the final name never holds half a file
 * and the file is 0600: exports here may be private keys or vault backups.
 */
export async function saveNewFile(directory: string, fileName: string, content: string): Promise<string> {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = join(directory, attempt === 0 ? fileName : `${stem} (${attempt})${extension}`);
    try {
      await writePrivateFile(candidate, content);
      return candidate;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
  throw new Error(`Could not find a free name for ${fileName} in ${directory}.`);
}
