import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Two levels under the project, like out/cli: the bundle finds package.json and out/renderer relative to itself.
const OUT = join(ROOT, 'out', `cli-test-${String(process.pid)}`);

type BuildModule = { buildCli: (outDir: string) => Promise<number> };
type FreshnessModule = { freshCliBundle: (root: string, env?: NodeJS.ProcessEnv) => string | null };

function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the prebuilt CLI bundle', () => {
  let data: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    data = await makeTempDir();
    const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as BuildModule;
    await buildCli(OUT);
  }, 120_000);
  afterAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    await data.remove();
  });

  it('runs on its own: help, the workspace listing, and signing (lazily loaded chunks) up to the missing vault', async () => {
    const bundle = join(OUT, 'countersign.mjs');
    const help = await runNode([bundle, '--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(/Usage: countersign <command>/);
    expect(help.stdout).toContain('run-collection');

    const list = await runNode([bundle, 'list', '--json', '--data-dir', data.path]);
    expect(list.code).toBe(EXIT.ok);
    expect(JSON.parse(list.stdout)).toContain('PayNet OSP/Request a report');

    // trace loads the run command's chunk and signs; with no vault yet it stops at the first secret, saying how to start.
    const trace = await runNode([bundle, 'trace', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--data-dir', data.path], { COUNTERSIGN_PASSPHRASE: '' });
    expect(trace.code).toBe(EXIT.config);
    expect(trace.stderr).toContain('countersign vault init');
  }, 60_000);

  it('starts `list` without ajv, undici or the importers: they stay in chunks loaded on first use', () => {
    // The chunks a `list` loads: the entry, what it imports statically, and the command's and backend's chunks.
    const entry = readFileSync(join(OUT, 'countersign.mjs'), 'utf8');
    const lazy = (name: string) => new RegExp(`import\\("\\./(${name}-[^"]+\\.mjs)"\\)`).exec(entry)?.[1];
    const starts = ['countersign.mjs', lazy('list'), lazy('default-context')];
    expect(starts.every((name) => name !== undefined)).toBe(true);
    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      for (const match of readFileSync(join(OUT, name), 'utf8').matchAll(/^import [^;]*?from "\.\/([^"]+)";$/gm)) if (match[1]) visit(match[1]);
    };
    for (const name of starts) if (name) visit(name);
    const packages = new Set([...loaded].flatMap((name) => [...readFileSync(join(OUT, name), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1])));
    expect(packages.size).toBeGreaterThan(3);
    for (const heavy of ['ajv', 'ajv-formats', 'undici', 'postman-collection', '@faker-js/faker', 'jsonpath-plus']) expect(packages, heavy).not.toContain(heavy);
    // Project modules that load at first use only: the sandbox's and the callback inbox's servers (node:http/https), the flow runner.
    const sources = new Set([...loaded].flatMap((name) => [...readFileSync(join(OUT, name), 'utf8').matchAll(/^\/\/ (main\/[^\n]+\.ts)$/gm)].map((match) => match[1])));
    expect(sources).toContain('main/services/sandbox-control.ts');
    for (const lazy of ['main/sandbox/service.ts', 'main/sandbox/faults.ts', 'main/inbox/callback-inbox.ts', 'main/flows/flow-runner.ts', 'main/flows/read-value.ts']) expect(sources, lazy).not.toContain(lazy);
    // node:http and node:https (taken by require() in the bundle) are not reached either.
    expect([...loaded].some((name) => name.includes('countersign-cjs-builtin'))).toBe(false);
  });
});

describe('which file the countersign command runs', () => {
  let root: Awaited<ReturnType<typeof makeTempDir>>;
  let fresh: FreshnessModule['freshCliBundle'];
  beforeAll(async () => {
    root = await makeTempDir();
    ({ freshCliBundle: fresh } = (await import(join(ROOT, 'scripts', 'cli-bundle.mjs'))) as FreshnessModule);
    mkdirSync(join(root.path, 'out', 'cli'), { recursive: true });
    mkdirSync(join(root.path, 'main'), { recursive: true });
    writeFileSync(join(root.path, 'main', 'a.ts'), '');
    writeFileSync(join(root.path, 'out', 'cli', 'countersign.mjs'), '');
  });
  afterAll(async () => root.remove());

  it('takes the bundle only while no source it was built from is newer, and never when told to run the sources', () => {
    const builtAt = Date.now();
    utimesSync(join(root.path, 'main', 'a.ts'), new Date(builtAt - 60_000), new Date(builtAt - 60_000));
    writeFileSync(join(root.path, 'out', 'cli', 'inputs.json'), JSON.stringify({ builtAt, inputs: ['main/a.ts'] }));
    expect(fresh(root.path, {})).toBe(join(root.path, 'out', 'cli', 'countersign.mjs'));
    expect(fresh(root.path, { COUNTERSIGN_FROM_SOURCES: '1' })).toBeNull();
    utimesSync(join(root.path, 'main', 'a.ts'), new Date(builtAt + 1000), new Date(builtAt + 1000));
    expect(fresh(root.path, {})).toBeNull();
    writeFileSync(join(root.path, 'out', 'cli', 'inputs.json'), JSON.stringify({ builtAt, inputs: ['main/deleted.ts'] }));
    expect(fresh(root.path, {})).toBeNull();
  });
});
