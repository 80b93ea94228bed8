import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };

/** The app's version, from package.json. */
export const APP_VERSION = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
