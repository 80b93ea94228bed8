// Finds the Electron binary without triggering its download. electron >= 42
// fetches the binary lazily the first time the package is required, which
// fails (or hangs) on a machine without internet; we look for it instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path: string } | { reason: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const candidate = join(override, relative ?? 'electron');
    return existsSync(candidate) ? { path: candidate } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${relative ?? 'electron'} binary` };
  }
  if (!relative) return { reason: 'the Electron binary has not been downloaded (this machine cannot reach its download server)' };
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { reason: `the Electron binary is missing at ${binary}` };
}
