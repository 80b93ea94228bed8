import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const DOWNLOADS_DIR_ENV = 'COUNTERSIGN_DOWNLOADS_DIR';

/**
 * The OS downloads folder, used when the user chose none in Settings:
 * COUNTERSIGN_DOWNLOADS_DIR if set (tests point it into their temp dir); on
 * Linux the desktop's XDG download folder when one is configured; else
 * ~/Downloads. It may not exist yet: ensureFolder creates it when something
 * is saved.
 */
export function defaultDownloadsDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir(), platform: NodeJS.Platform = process.platform): string {
  const chosen = env[DOWNLOADS_DIR_ENV];
  if (chosen) return resolve(chosen);
  if (platform === 'linux') {
    const xdg = xdgDownloadDir(env, home);
    if (xdg) return xdg;
  }
  return join(home, 'Downloads');
}

/** XDG_DOWNLOAD_DIR from the environment or ~/.config/user-dirs.dirs (the desktop's own setting), if it names a folder other than home. */
function xdgDownloadDir(env: NodeJS.ProcessEnv, home: string): string | null {
  let value = env.XDG_DOWNLOAD_DIR;
  if (!value) {
    const configHome = env.XDG_CONFIG_HOME || join(home, '.config');
    try {
      const text = readFileSync(join(configHome, 'user-dirs.dirs'), 'utf8');
      value = /^XDG_DOWNLOAD_DIR="([^"]*)"/m.exec(text)?.[1];
    } catch {
      return null;
    }
  }
  if (!value) return null;
  const path = value.replace(/^\$HOME(?=\/|$)/, home);
  // user-dirs.dirs points a folder the desktop does not use at $HOME itself: not a downloads folder.
  return isAbsolute(path) && resolve(path) !== resolve(home) ? resolve(path) : null;
}

/** Creates the folder (and its parents) if missing; refuses a path that exists and is not a folder. */
export function ensureFolder(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder.`);
  return dir;
}
