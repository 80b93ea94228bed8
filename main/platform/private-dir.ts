import { lstatSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

/** Owner-only folders: the data directory holds the vault, history and response bodies. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * The data directory's own subfolders: tightened when the data directory is
 * opened. A fixed list, so a data directory pointed at a shared folder never
 * has the user's unrelated folders changed.
 */
export const DATA_SUBFOLDERS = ['sandbox', 'spill', 'vault-backups'] as const;

/**
 * Creates `dir` (and missing parents) 0700, and tightens it to 0700 if it
 * already exists with group or other access. A symlink is not followed and
 * not changed; a folder owned by someone else is left alone. No-op on Windows,
 * where modes do not express access.
 */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenSync(dir);
}

/** The data directory and those of its own subfolders that exist. */
export function ensurePrivateDataDirSync(dataDir: string): void {
  ensurePrivateDirSync(dataDir);
  for (const name of DATA_SUBFOLDERS) tightenSync(join(dataDir, name));
}

function tightenSync(dir: string): void {
  if (process.platform === 'win32') return;
  let stats;
  try {
    stats = lstatSync(dir);
  } catch {
    return;
  }
  if (!stats.isDirectory()) return;
  if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) return;
  if ((stats.mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR_MODE);
}
