import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where saved files go when the user names no folder: ~/Downloads if it exists, else the home folder. */
export function defaultDownloadsDir(home: string = homedir()): string {
  const downloads = join(home, 'Downloads');
  return existsSync(downloads) ? downloads : home;
}
