import { defaultDownloadsDir } from '../platform/downloads-dir.ts';
import { saveNewFile } from '../platform/save-new-file.ts';
import type { SaveExport } from '../keys/key-handlers.ts';

/** Key exports land in the folder the user named, else Downloads, under a name that never replaces a file. */
export function saveKeyExport(downloadsDir: () => string = defaultDownloadsDir): SaveExport {
  return (fileName, pem, directory) => saveNewFile(directory ?? downloadsDir(), fileName, pem);
}
