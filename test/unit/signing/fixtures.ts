import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/signing/', import.meta.url));

export function fixturePath(name: string): string {
  return `${dir}${name}`;
}

export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export const TEST_PASSPHRASE = 'test-only-passphrase';

/** True when the openssl CLI can be run, for the tests that check against it live. */
export const hasOpenssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
