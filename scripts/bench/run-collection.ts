// Benchmark: `countersign run-collection` sending 1,000 signed requests to the
// built-in sandbox (500 OAuth 1.0a HMAC-SHA1 Elecsnet sales + 500 PayNet
// X-Signature report requests, token cached) at concurrency 1 and 16, against
// 1,000 plain `curl` calls in a shell loop to the same sandbox.
// Prints requests per second and the ratio. Run: node scripts/bench/run-collection.ts [total]
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CliContext } from '../../main/cli/context.ts';
import { runCli } from '../../main/cli/index.ts';
import type { CliIo } from '../../main/cli/io.ts';
import { createConfStoreFactory } from '../../main/platform/conf-store.ts';
import { sandboxEndpoints, startSandbox } from '../../main/sandbox/index.ts';
import { createBackend } from '../../main/services/backend.ts';
import { sampleSandboxSecrets } from '../../main/workspace/samples/sample-workspace.ts';

const run = promisify(execFile);
const PASSPHRASE = 'benchmark passphrase';
const total = Number(process.argv[2] ?? 1000);

// The vault's key derivation runs once per command; a cheap one keeps the figures about sending.
const context: CliContext = {
  openBackend: (dataDir) =>
    createBackend({ mode: 'cli', dataDir, stores: createConfStoreFactory(dataDir), vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } } }),
  promptHidden: undefined,
  readStdin: () => Promise.resolve(null),
};

/** A data dir with the samples, the sandbox credentials, and a "Bench" folder holding just the request to repeat. */
async function prepare(dataDir: string): Promise<void> {
  const backend = context.openBackend(dataDir);
  try {
    await backend.dispatcher.call('vault:setup', { passphrase: PASSPHRASE });
    const wanted = sampleSandboxSecrets().length;
    for (let i = 0; i < 250 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < wanted; i++) await new Promise((r) => setTimeout(r, 20));
    const tree = await backend.dispatcher.call('workspace:tree', {});
    for (const [collection, request] of [['Elecsnet', 'Sale (HMAC-SHA1)'], ['PayNet OSP', 'Request a report']] as const) {
      const parent = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === collection);
      const target = tree.entries.find((entry) => entry.kind === 'request' && entry.name === request && entry.parentId === parent?.id);
      if (!parent || !target) throw new Error(`sample ${collection}/${request} not found`);
      const folder = await backend.dispatcher.call('workspace:create', { kind: 'folder', parentId: parent.id, name: 'Bench' });
      await backend.dispatcher.call('workspace:move', { id: target.id, parentId: folder.id });
    }
  } finally {
    await backend.close();
  }
}

function quietIo(): CliIo & { text: () => string } {
  let text = '';
  return { out: (chunk) => (text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()), err: (chunk) => (text += chunk), isTty: false, env: { COUNTERSIGN_PASSPHRASE: PASSPHRASE }, text: () => text };
}

async function cliRun(dataDir: string, concurrency: number): Promise<number> {
  const started = performance.now();
  for (const folder of ['Elecsnet/Bench', 'PayNet OSP/Bench']) {
    const io = quietIo();
    const argv = ['run-collection', folder, '--env', 'Sandbox', '--concurrency', String(concurrency), '--iterations', String(total / 2), '--data-dir', dataDir];
    const code = await runCli(argv, io, context);
    if (code !== 0 || !io.text().includes(' 0 failed')) throw new Error(`run-collection ${folder} failed (${code}):\n${io.text()}`);
  }
  return total / ((performance.now() - started) / 1000);
}

async function curlLoop(url: string): Promise<number> {
  const script = `for i in $(seq ${total}); do curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"reportType":"settlement"}' "$1"; done`;
  const started = performance.now();
  await run('bash', ['-c', script, 'bench', url], { maxBuffer: 1024 * 1024 });
  return total / ((performance.now() - started) / 1000);
}

const dataDir = await mkdtemp(join(tmpdir(), 'countersign-bench-'));
const sandbox = await startSandbox({ port: 0, log: () => undefined });
try {
  await prepare(dataDir);
  // A short warm-up so the first figure does not pay for module loading and JIT.
  await runCli(['run-collection', 'Elecsnet/Bench', '--env', 'Sandbox', '--iterations', '20', '--data-dir', dataDir], quietIo(), context);
  const curl = await curlLoop(`${sandboxEndpoints(sandbox.url).paynet}/api/v1/reports`);
  const c1 = await cliRun(dataDir, 1);
  const c16 = await cliRun(dataDir, 16);
  const fmt = (rps: number) => `${rps.toFixed(1).padStart(8)} req/s`;
  process.stdout.write(`run-collection, ${total} signed requests (${total / 2} OAuth 1.0a HMAC-SHA1 + ${total / 2} PayNet X-Signature), sandbox on loopback\n`);
  process.stdout.write(`  concurrency 1    ${fmt(c1)}   ${(c1 / curl).toFixed(2)}x curl loop\n`);
  process.stdout.write(`  concurrency 16   ${fmt(c16)}   ${(c16 / curl).toFixed(2)}x curl loop\n`);
  process.stdout.write(`  curl loop        ${fmt(curl)}   (${total} plain unsigned curl processes, one after another)\n`);
} finally {
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
}
