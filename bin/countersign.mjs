#!/usr/bin/env node
// The countersign command. Runs the TypeScript CLI directly on Node >= 22.12
// (which strips types itself); on an older Node, re-runs itself on the Node 24
// that scripts/ensure-node.mjs keeps in .cache/.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBin } from '../scripts/ensure-node.mjs';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'main', 'cli', 'index.ts');
const bin = ensureNodeBin();
if (bin) {
  const result = spawnSync(join(bin, 'node'), [CLI, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const { runCli } = await import(CLI);
const { processIo } = await import(join(dirname(CLI), 'io.ts'));
process.exitCode = await runCli(process.argv.slice(2), processIo());
