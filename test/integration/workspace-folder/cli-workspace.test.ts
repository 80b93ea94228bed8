import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../main/cli/context.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { runCli } from '../../../main/cli/index.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createBackend } from '../../../main/services/backend.ts';
import { bufferIo } from '../../support/cli-io.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, preparedDataDir, secretValues } from '../cli/cli-fixture.ts';
import { snapshot } from '../../unit/workspace-folder/support.ts';

// The CLI's door to workspace folders: init (a migration from workspace.json), --workspace on other commands, check, import conflicts.

const context: CliContext = {
  openBackend: (dataDir, workspaceDir) =>
    createBackend({
      mode: 'cli',
      dataDir,
      stores: createConfStoreFactory(dataDir),
      vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } },
      ...(workspaceDir === undefined ? {} : { workspaceDir }),
    }),
  promptHidden: undefined,
  readStdin: () => Promise.resolve(null),
};

let dir: Awaited<ReturnType<typeof makeTempDir>>;
const printed: string[] = [];
const dataDir = () => join(dir.path, 'data');
const folder = () => join(dir.path, 'repo', 'api');

async function run(...argv: string[]) {
  const io = bufferIo({ COUNTERSIGN_PASSPHRASE: PASSPHRASE });
  const code = await runCli([...argv, '--data-dir', dataDir()], io, context);
  printed.push(io.stdout(), io.stderr());
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

beforeAll(async () => {
  dir = await makeTempDir();
  await preparedDataDir(dataDir());
});
afterAll(async () => {
  const all = printed.join('\n');
  for (const secret of secretValues()) expect(all).not.toContain(secret);
  await dir.remove();
});

describe('countersign workspace and --workspace', () => {
  it('init --from-current writes the workspace in use as files with no secret value in them; --workspace then reads them', async () => {
    const workspaceJson = readFileSync(join(dataDir(), 'workspace.json'), 'utf8');
    const made = await run('workspace', 'init', folder(), '--from-current');
    expect(made.code, made.stderr).toBe(EXIT.ok);
    expect(made.stdout).toMatch(/4 collections, \d+ requests/);
    const files = snapshot(folder());
    expect(files.has('paynet-osp/request-a-report.request.yaml')).toBe(true);
    expect(files.get('.gitignore')).toContain('*.local.yaml');
    const everything = [...files.values()].join('\n');
    for (const secret of secretValues()) expect(everything).not.toContain(secret);
    expect(everything).toContain('paynet.client_secret'); // by name only

    const listed = await run('--workspace', folder(), 'list');
    expect(listed.code, listed.stderr).toBe(EXIT.ok);
    expect(listed.stdout).toContain('Request a report');
    // The data directory's workspace is left as it was.
    expect(readFileSync(join(dataDir(), 'workspace.json'), 'utf8')).toBe(workspaceJson);
    expect((await run('workspace', 'init', folder())).code).toBe(EXIT.usage);
  });

  it('refuses --workspace on a folder that holds no workspace, and says how to make one', async () => {
    const result = await run('--workspace', join(dir.path, 'nothing-here'), 'list');
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('countersign workspace init');
  });

  it('runs a saved request from the folder against the sandbox without changing a file', async () => {
    const before = snapshot(folder());
    const result = await run('--workspace', folder(), 'run', 'PayNet OSP/Get access token', '--env', 'Sandbox');
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(snapshot(folder())).toEqual(before);
  });

  it('check lists a malformed file with its path and line, and leaves it as it is', async () => {
    expect((await run('workspace', 'check', folder())).code).toBe(EXIT.ok);
    const bad = join(folder(), 'elecsnet/sale-hmac-sha1.request.yaml');
    const text = readFileSync(bad, 'utf8');
    const broken = text.replace(/^method: (.*)$/m, 'method: "$1');
    writeFileSync(bad, broken);
    const checked = await run('workspace', 'check', folder());
    expect(checked.code).toBe(EXIT.config);
    expect(checked.stdout).toMatch(/^elecsnet\/sale-hmac-sha1\.request\.yaml:\d+: /m);
    const listed = await run('--workspace', folder(), 'list', 'Elecsnet');
    expect(listed.stdout).not.toContain('Sale (HMAC-SHA1)');
    expect(listed.stdout).toContain('Sale (RSA-SHA256)');
    expect(readFileSync(bad, 'utf8')).toBe(broken);
    writeFileSync(bad, text);
  });

  it('import of a collection whose name is taken refuses by default, and replaces, merges or keeps both when told', async () => {
    const exportFile = join(dir.path, 'paynet.countersign.json');
    expect((await run('--workspace', folder(), 'export', 'PayNet OSP', exportFile)).code).toBe(EXIT.ok);
    const before = snapshot(folder());

    const refused = await run('--workspace', folder(), 'import', 'collection', exportFile);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stderr).toContain('A collection named "PayNet OSP" already exists');
    expect(refused.stderr).toContain('--on-conflict replace, merge or keep-both');
    expect(snapshot(folder())).toEqual(before);

    // merge: an edited request keeps its file (and id), a new one is added, the rest stay.
    const file = JSON.parse(readFileSync(exportFile, 'utf8')) as { collection: { items: { type: string; name: string; url?: string; method?: string }[] } };
    const report = file.collection.items.find((item) => item.name === 'Request a report');
    if (!report) throw new Error('no request');
    report.url = '{{baseUrl}}/v9/reports';
    file.collection.items.push({ type: 'request', name: 'Ping', method: 'GET', url: '{{baseUrl}}/ping' });
    writeFileSync(exportFile, JSON.stringify(file));
    const merged = await run('--workspace', folder(), 'import', 'collection', exportFile, '--on-conflict', 'merge');
    expect(merged.code, merged.stderr).toBe(EXIT.ok);
    const afterMerge = snapshot(folder());
    const idLine = (text: string | undefined) => text?.split('\n')[0];
    expect(idLine(afterMerge.get('paynet-osp/request-a-report.request.yaml'))).toBe(idLine(before.get('paynet-osp/request-a-report.request.yaml')));
    expect(afterMerge.get('paynet-osp/request-a-report.request.yaml')).toContain('/v9/reports');
    expect(afterMerge.has('paynet-osp/ping.request.yaml')).toBe(true);
    expect(afterMerge.has('paynet-osp/report-status.request.yaml')).toBe(true);
    expect((await run('--workspace', folder(), 'collection', 'list')).stdout.match(/PayNet OSP/g)).toHaveLength(1);

    // replace: what the file no longer has goes (Ping, added by the merge).
    file.collection.items = file.collection.items.filter((item) => item.name !== 'Ping');
    writeFileSync(exportFile, JSON.stringify(file));
    const replaced = await run('--workspace', folder(), 'import', 'collection', exportFile, '--on-conflict', 'replace');
    expect(replaced.code, replaced.stderr).toBe(EXIT.ok);
    const afterReplace = snapshot(folder());
    expect(afterReplace.has('paynet-osp/ping.request.yaml')).toBe(false);
    expect(afterReplace.get('paynet-osp/request-a-report.request.yaml')).toContain('/v9/reports');
    expect(idLine(afterReplace.get('paynet-osp/request-a-report.request.yaml'))).toBe(idLine(before.get('paynet-osp/request-a-report.request.yaml')));

    // keep-both: a second collection under a new name, so "run" is never ambiguous.
    expect((await run('--workspace', folder(), 'import', 'collection', exportFile, '--on-conflict', 'keep-both')).code).toBe(EXIT.ok);
    expect((await run('--workspace', folder(), 'collection', 'list')).stdout).toContain('PayNet OSP (2)');
    expect(snapshot(folder()).has('paynet-osp-2/collection.yaml')).toBe(true);
    expect((await run('--workspace', folder(), 'import', 'collection', exportFile, '--on-conflict', 'sideways')).code).toBe(EXIT.usage);
  });

  it('init --from FILE makes a folder from exported collection files', async () => {
    const exported = join(dir.path, 'momo.countersign.json');
    expect((await run('export', 'MTN MoMo', exported)).code).toBe(EXIT.ok);
    const target = join(dir.path, 'from-files');
    const made = await run('workspace', 'init', target, '--from', exported);
    expect(made.code, made.stderr).toBe(EXIT.ok);
    expect(made.stdout).toMatch(/1 collections, 6 requests/);
    const files = snapshot(target);
    expect(files.has('mtn-momo/request-to-pay.request.yaml')).toBe(true);
    expect(files.has('mtn-momo/flows/provision-sandbox-api-user.yaml')).toBe(true);
    expect(files.has('paynet-osp/collection.yaml')).toBe(false);
  });

  it('init --from-current refuses a workspace with a credential typed into a request, naming it, and writes nothing', async () => {
    const backend = context.openBackend(dataDir());
    try {
      const tree = backend.workspace.tree();
      const request = tree.entries.find((entry) => entry.kind === 'request' && entry.name === 'Report status');
      if (!request) throw new Error('no request');
      const node = backend.workspace.get(request.id);
      if (node.kind !== 'request') throw new Error('not a request');
      backend.workspace.updateRequest(request.id, { headers: [...node.headers, { name: 'Authorization', value: 'Bearer q8Zr2LmN4vX7pK1sT9wY3bC6', enabled: true }] });
    } finally {
      await backend.close();
    }
    const target = join(dir.path, 'second');
    const result = await run('workspace', 'init', target, '--from-current');
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('Report status: header Authorization');
    expect(result.stderr).not.toContain('q8Zr2LmN4vX7pK1sT9wY3bC6');
    expect(snapshot(dir.path).has('second/countersign-workspace.yaml')).toBe(false);
  });
});
