// Benchmark: 1,000 PayNet-signed requests (OAuth 2.0 client-credentials token, X-Timestamp and
// X-Signature HMAC-SHA256; "PayNet OSP/Request a report") against the sandbox at concurrency 1, sent by
// `countersign run-collection` (the prebuilt CLI bundle), newman and bru (--sandbox developer), each as
// the command a user would type, timed from process start to exit. The sandbox runs in its own process
// so no tool shares an event loop with it. newman and @usebruno/cli are installed into a temp prefix
// this script makes (`npm install --prefix`), never into the project. Rounds alternate the tools; the
// figure is each tool's median. Also prints countersign at concurrency 16.
//
//   node scripts/bench/run-collection.ts [--total 1000] [--rounds 3] [--tools DIR (reuse an install)] [--no-build (use out/cli as built, if fresh)]
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliContext } from '../../main/cli/context.ts';
import { createConfStoreFactory } from '../../main/platform/conf-store.ts';
import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { createBackend } from '../../main/services/backend.ts';
import { sampleSandboxSecrets } from '../../main/workspace/samples/sample-workspace.ts';
import { writeBruCollection } from './competitors/bru-collection.ts';
import { newmanCollection } from './competitors/newman-collection.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSPHRASE = 'benchmark passphrase';
const TOOLS = ['newman@6', '@usebruno/cli@4'];
const { values } = parseArgs({ options: { total: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' }, tools: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });
const total = Number(values.total);
const rounds = Number(values.rounds);

type Finished = { code: number | null; stdout: string; stderr: string; seconds: number };

function exec(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }));
  });
}

function mustSucceed(name: string, result: Finished): number {
  if (result.code !== 0) throw new Error(`${name} exited ${String(result.code)}:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return total / result.seconds;
}

/** The sandbox in a child process; resolves with its URL once it listens. */
function startSandboxProcess(): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'main', 'sandbox', 'start.ts'), '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match?.[1]) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the sandbox exited (${String(code)}) before listening`)));
  });
}

/** A data dir with the samples, the sandbox credentials, and a "Bench" folder holding only "Request a report". */
async function prepareCountersign(dataDir: string): Promise<void> {
  // A cheap key derivation: the figures are about sending; the vault's scrypt has its own benchmark.
  const context: Pick<CliContext, 'openBackend'> = {
    openBackend: (dir) => createBackend({ mode: 'cli', dataDir: dir, stores: createConfStoreFactory(dir), vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } } }),
  };
  const backend = context.openBackend(dataDir);
  try {
    await backend.dispatcher.call('vault:setup', { passphrase: PASSPHRASE });
    const wanted = sampleSandboxSecrets().length;
    for (let i = 0; i < 250 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < wanted; i++) await new Promise((r) => setTimeout(r, 20));
    const tree = await backend.dispatcher.call('workspace:tree', {});
    const parent = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'PayNet OSP');
    const target = tree.entries.find((entry) => entry.kind === 'request' && entry.name === 'Request a report' && entry.parentId === parent?.id);
    if (!parent || !target) throw new Error('sample PayNet OSP/Request a report not found');
    const folder = await backend.dispatcher.call('workspace:create', { kind: 'folder', parentId: parent.id, name: 'Bench' });
    await backend.dispatcher.call('workspace:move', { id: target.id, parentId: folder.id });
  } finally {
    await backend.close();
  }
}

async function installTools(prefix: string): Promise<void> {
  if (existsSync(join(prefix, 'node_modules', '.bin', 'newman')) && existsSync(join(prefix, 'node_modules', '.bin', 'bru'))) return;
  process.stderr.write(`installing ${TOOLS.join(' and ')} into ${prefix} ...\n`);
  const result = await exec('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel', 'error', ...TOOLS]);
  if (result.code !== 0) throw new Error(`npm install failed:\n${result.stderr}`);
}

const last = (list: number[]) => (list.at(-1) ?? Number.NaN).toFixed(0);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

const work = await mkdtemp(join(tmpdir(), 'countersign-bench-'));
// The bundle this run uses, its own (a build by someone else mid-run replaces out/cli); beside out/cli, so it finds package.json.
const ownBundleDir = join(ROOT, 'out', `bench-cli-${String(process.pid)}`);
const toolsDir = values.tools ?? join(work, 'tools');
const sandbox = await startSandboxProcess();
try {
  await installTools(toolsDir);
  const bin = (name: string) => join(toolsDir, 'node_modules', '.bin', name);
  const versions = `newman ${(await exec(bin('newman'), ['--version'])).stdout.trim()}, bru ${(await exec(bin('bru'), ['--version'])).stdout.trim()}`;
  if (values['no-build']) {
    const { freshCliBundle } = (await import(join(ROOT, 'scripts', 'cli-bundle.mjs'))) as { freshCliBundle: (root: string) => string | null };
    if (freshCliBundle(ROOT) === null) throw new Error('--no-build: out/cli is missing or older than a source; build it first (npm run build:cli).');
    cpSync(join(ROOT, 'out', 'cli'), ownBundleDir, { recursive: true });
  } else {
    const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as { buildCli: (outDir?: string) => Promise<number> };
    await buildCli(ownBundleDir);
  }
  const bundle = join(ownBundleDir, 'countersign.mjs');

  const osp = `${sandbox.url}/osp`;
  const variables = { baseUrl: osp, tokenUrl: `${osp}/token`, clientId: SANDBOX_CREDENTIALS.paynet.clientId, clientSecret: SANDBOX_CREDENTIALS.paynet.clientSecret };
  const dataDir = join(work, 'countersign');
  await prepareCountersign(dataDir);
  // The sandbox's secret is bound to the sample's own host; this run sends it to the separate sandbox process.
  const allow = await exec(process.execPath, [bundle, 'vault', 'allow', 'paynet.client_secret', '--env', 'Sandbox', '--allow-host', new URL(sandbox.url).host, '--data-dir', dataDir], { COUNTERSIGN_PASSPHRASE: PASSPHRASE });
  if (allow.code !== 0) throw new Error(`countersign vault allow failed: ${allow.stderr}`);
  const collectionFile = join(work, 'paynet.postman_collection.json');
  await writeFile(collectionFile, JSON.stringify(newmanCollection()));
  const bruDir = join(work, 'bru');
  await writeBruCollection(bruDir);

  // The bundle this script just built, with V8's compile cache where bin/countersign.mjs keeps it (what
  // `countersign` does; bin/ itself would switch to the sources if another engineer saved one mid-run).
  const compileCache = { NODE_COMPILE_CACHE: join(ROOT, '.cache', 'compile-cache') };
  const countersign = (concurrency: number) =>
    exec(process.execPath, [bundle, 'run-collection', 'PayNet OSP/Bench', '--env', 'Sandbox', '--iterations', String(total), '--concurrency', String(concurrency), '--var', `baseUrl=${variables.baseUrl}`, '--var', `tokenUrl=${variables.tokenUrl}`, '--data-dir', dataDir], { COUNTERSIGN_PASSPHRASE: PASSPHRASE, ...compileCache });
  const envVars = (flag: string) => Object.entries(variables).flatMap(([name, value]) => [flag, `${name}=${value}`]);
  const newman = () => exec(bin('newman'), ['run', collectionFile, '-n', String(total), '--reporters', 'cli', '--reporter-cli-no-summary', '--reporter-cli-no-success-assertions', '--reporter-cli-silent', ...envVars('--env-var')]);
  // bru takes the collection from its working directory.
  const bru = () => exec(bin('bru'), ['run', '--env', 'bench', '--sandbox', 'developer', '--iteration-count', String(total), ...envVars('--env-var')], {}, bruDir);

  const figures = { c1: [] as number[], c16: [] as number[], newman: [] as number[], bru: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    figures.c1.push(mustSucceed('countersign run-collection', await countersign(1)));
    figures.newman.push(mustSucceed('newman', await newman()));
    figures.bru.push(mustSucceed('bru', await bru()));
    figures.c16.push(mustSucceed('countersign run-collection --concurrency 16', await countersign(16)));
    process.stderr.write(`round ${String(round)}: countersign ${last(figures.c1)}, newman ${last(figures.newman)}, bru ${last(figures.bru)}, countersign c16 ${last(figures.c16)} req/s; load ${loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
  }
  const [c1, c16, nm, br] = [median(figures.c1), median(figures.c16), median(figures.newman), median(figures.bru)];
  const fmt = (rps: number) => `${rps.toFixed(0).padStart(6)} req/s`;
  process.stdout.write(`run-collection: ${String(total)} PayNet-signed requests (token + X-Signature), sandbox in its own process, wall clock from process start, median of ${String(rounds)} alternating rounds (${versions})\n`);
  process.stdout.write(`  countersign, concurrency 1    ${fmt(c1)}   ${(c1 / nm).toFixed(2)}x newman (target >= 5x), ${(c1 / br).toFixed(2)}x bru (target >= 3x)\n`);
  process.stdout.write(`  countersign, concurrency 16   ${fmt(c16)}\n`);
  process.stdout.write(`  newman                        ${fmt(nm)}\n`);
  process.stdout.write(`  bru --sandbox developer       ${fmt(br)}\n`);
  process.stdout.write(`SUMMARY run-collection: ${c1.toFixed(0)} req/s at concurrency 1 = ${(c1 / nm).toFixed(1)}x newman, ${(c1 / br).toFixed(1)}x bru (${nm.toFixed(0)} / ${br.toFixed(0)} req/s); ${c16.toFixed(0)} req/s at 16\n`);
} finally {
  sandbox.stop();
  await rm(work, { recursive: true, force: true });
  await rm(ownBundleDir, { recursive: true, force: true });
}
