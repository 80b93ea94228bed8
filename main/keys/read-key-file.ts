import { open } from 'node:fs/promises';
import type { KeyMaterial } from '../contract/keys.ts';
import { KeyImportError } from './key-errors.ts';
import { looksLikePem } from './pem-blocks.ts';

// Key files are a few kilobytes; the bound matches what the import channel carries.
export const MAX_KEY_FILE_BYTES = 48 * 1024;

/**
 * Reads a key file picked in an open dialog (or named on the CLI) into the
 * import channel's material: PEM text as is, anything else as DER in base64.
 */
export async function readKeyFile(path: string): Promise<KeyMaterial> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_KEY_FILE_BYTES) {
      throw new KeyImportError('unreadable', `The file is ${size} bytes; a key file is a few kilobytes (at most ${MAX_KEY_FILE_BYTES}). Choose the private key file itself.`);
    }
    const bytes = await handle.readFile();
    return looksLikePem(bytes) ? { encoding: 'pem', text: bytes.toString('utf8') } : { encoding: 'der', base64: bytes.toString('base64') };
  } finally {
    await handle.close();
  }
}
