import { writePrivateFile } from '../platform/private-file.ts';

export type KeyFileOptions = {
  /** Replace an existing file (never through a symlink). Default false: an existing file is refused. */
  overwrite?: boolean;
  /** Public keys may be 0644: they are meant to be handed out. Private keys stay 0600. */
  mode?: number;
};

/**
 * Writes an exported key where the user pointed, so a private key can go
 * from vault to disk without passing through the renderer. Created 0600 by
 * default, whole or not at all; an existing file (or a symlink) is refused
 * unless overwrite is asked for, and then replaced, never written through.
 */
export async function writeKeyFile(path: string, pem: string, options: KeyFileOptions = {}): Promise<void> {
  await writePrivateFile(path, pem, options);
}
