#!/usr/bin/env node
// The countersign command. Runs the prebuilt bundle (out/cli/, made by `npm install`'s prepare step and
// by `npm run build`) while it is newer than every source it was built from; otherwise, or with
// COUNTERSIGN_FROM_SOURCES=1, the TypeScript sources directly (Node >= 22.12 strips types itself), so
// an edit is never hidden behind a stale bundle. On an older Node, re-runs itself on the Node 24 that
// scripts/ensure-node.mjs keeps in .cache/.
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshCliBundle } from '../scripts/cli-bundle.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'main', 'cli', 'index.ts');

const cli = freshCliBundle(ROOT) ?? SOURCES;
// Loading node:child_process (ensure-node.mjs imports it too) costs 15-50 ms of every start, so both are
// imported only on a Node older than ensure-node.mjs's nodeIsRecentEnough (22.12), which this repeats.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const [{ spawnSync }, { ensureNodeBin }] = await Promise.all([import('node:child_process'), import('../scripts/ensure-node.mjs')]);
  const bin = ensureNodeBin();
  if (bin) {
    const result = spawnSync(join(bin, 'node'), [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
  }
}
// V8 keeps the bundle's compiled code between runs (a third of a cold start). In the checkout's own .cache,
// not the shared temp folder, where another user could plant compiled code for this command to run.
module.enableCompileCache?.(join(ROOT, '.cache', 'compile-cache'));
const { runCli, processIo } = await import(cli);
process.stdout.on('error', (error) => {
  // `countersign run ... | head` closes stdout early: that is the reader's choice, not a failure to report.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await runCli(process.argv.slice(2), processIo());
