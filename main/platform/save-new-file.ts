import { randomBytes } from 'node:crypto';
import { link, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * Writes `content` to a new file in `directory`, never replacing one: when the
 * name is taken, "name (1).ext", "name (2).ext"… The content goes to a temp
 * file first and is linked into place, so the final name never holds half a
 * file. Created 0600: exports here may be private keys.
 */
export async function saveNewFile(directory: string, fileName: string, content: string): Promise<string> {
  const temporary = join(directory, `.countersign-${randomBytes(6).toString('hex')}.part`);
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    const extension = extname(fileName);
    const stem = fileName.slice(0, fileName.length - extension.length);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const candidate = join(directory, attempt === 0 ? fileName : `${stem} (${attempt})${extension}`);
      try {
        await link(temporary, candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(`Could not find a free name for ${fileName} in ${directory}.`);
  } finally {
    await rm(temporary, { force: true });
  }
}
