import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Countersign';
export const DATA_DIR_ENV = 'COUNTERSIGN_DATA_DIR';

/**
 * Where Countersign keeps its files when nothing else is said. It is the same
 * folder Electron uses as userData for this app, so the desktop app, browser
 * mode and the CLI share one workspace and one vault.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** An explicit directory wins, then the environment variable, then the default. */
export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env[DATA_DIR_ENV];
  return chosen ? resolve(chosen) : defaultDataDir(env);
}
