import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { STORE_FILE_MODE } from '../platform/store.ts';

const tempOf = (file: string) => `${file}.${String(process.pid)}.tmp`;

/** Temp file (0600), fsync, rename: readers see the old file or the new one, never half of one. */
export function writeFileAtomicSync(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = tempOf(file);
  const fd = openSync(temp, 'w', STORE_FILE_MODE);
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
