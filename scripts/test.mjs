// npm test: every check, in order, on Node >= 22.12 (fetched if the system one is older):
// typecheck, lint, unit and integration tests, build, end-to-end tests in Debian's chromium.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathWithNode } from './ensure-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: pathWithNode() };
const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit and integration tests', ['exec', '--', 'vitest', 'run']],
  ['build', ['run', 'build', '--', '--logLevel', 'warn']],
  ['end-to-end tests', ['exec', '--', 'playwright', 'test']],
];
for (const [label, args] of steps) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync('npm', args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`=== ${label}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}
