import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { STORE_FILE_MODE } from '../platform/store.ts';

const tempOf = (file: string) => `${file}.${String(process.pid)}.tmp`;

/**
 * Temp file, fsync, rename: readers see the old file or the new one, never half of one.
 * Private (0600 in a 0700 folder) unless told otherwise, as a workspace folder meant for git is.
 */
export function writeFileAtomicSync(file: string, text: string, modes: { file: number; dir: number } = { file: STORE_FILE_MODE, dir: 0o700 }): void {
  mkdirSync(dirname(file), { recursive: true, mode: modes.dir });
  const temp = tempOf(file);
  const fd = openSync(temp, 'w', modes.file);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** The same, off the event loop. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = tempOf(file);
  const handle = await open(temp, 'w', STORE_FILE_MODE);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
