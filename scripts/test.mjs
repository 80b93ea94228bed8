// npm test: every check, in order, on Node >= 22.12 (fetched if the system one is older):
// the doctor (system tools the suite drives, installed where it may), typecheck, lint,
// unit and integration tests, build, end-to-end tests in chromium.
// Ends with one line adding up the test runners' counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDoctor } from './doctor.mjs';
import { pathWithNode } from './ensure-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not under test-results/: Playwright empties that folder when it starts.
const RESULTS = join(ROOT, '.cache', 'test-summary');
const VITEST_JSON = join(RESULTS, 'vitest.json');
const PLAYWRIGHT_JSON = join(RESULTS, 'playwright.json');
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

console.log('=== doctor ===');
const toolEnv = runDoctor();
if (!toolEnv) {
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const env = { ...process.env, ...toolEnv, PATH: pathWithNode(), PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON };
const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit and integration tests', ['exec', '--', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]],
  ['build', ['run', 'build', '--', '--logLevel', 'warn']],
  ['end-to-end tests', ['exec', '--', 'playwright', 'test', '--reporter=list,json']],
];

let failedStep = null;
for (const [label, args] of steps) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync('npm', args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) {
    failedStep = `${label} failed (exit ${result.status ?? result.signal})`;
    break;
  }
  console.log(`=== ${label}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(VITEST_JSON)) {
  const report = JSON.parse(readFileSync(VITEST_JSON, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (existsSync(PLAYWRIGHT_JSON)) {
  const stats = JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')).stats ?? {};
  counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  counts.failed += stats.unexpected ?? 0;
  counts.skipped += stats.skipped ?? 0;
}
if (failedStep) {
  console.error(`\n${failedStep}.`);
  if (counts.failed === 0) counts.failed = 1;
}
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
