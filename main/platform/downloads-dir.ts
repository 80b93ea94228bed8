import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DOWNLOADS_DIR_ENV = 'COUNTERSIGN_DOWNLOADS_DIR';

/**
 * Where saved files go when the user names no folder: COUNTERSIGN_DOWNLOADS_DIR
 * if set (tests point it into their temp dir), else ~/Downloads if it exists,
 * else the home folder.
 */
export function defaultDownloadsDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const chosen = env[DOWNLOADS_DIR_ENV];
  if (chosen) return resolve(chosen);
  const downloads = join(home, 'Downloads');
  return existsSync(downloads) ? downloads : home;
}
