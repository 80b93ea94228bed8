import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { workspaceChannels } from '../../../main/contract/workspace.ts';
import { buildSampleWorkspace } from '../../../main/workspace/samples/sample-workspace.ts';
import { toCurlImportSummary, toImportSummary, type WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { openService, tempDir, type TempDir } from './helpers.ts';

// What the lead wires into the doors: service results must pass the channel output schemas unchanged.

let temp: TempDir;
let service: WorkspaceService;
beforeEach(() => {
  temp = tempDir();
  service = openService(temp.dir, { firstRun: (ids) => buildSampleWorkspace({ sandboxPort: 4010, ids }) });
});
afterEach(() => temp.cleanup());

const out = <K extends keyof typeof workspaceChannels>(channel: K, value: unknown): unknown => workspaceChannels[channel].output.parse(value);

describe('workspace channels', () => {
  it('a first run starts with the samples, and every read passes its output schema', () => {
    const tree = service.tree();
    expect(out('workspace:tree', tree)).toEqual(tree);
    expect(tree.entries.filter((entry) => entry.kind === 'collection').map((entry) => entry.name)).toEqual(['PayNet OSP', 'MTN MoMo', 'CENTAGATE', 'Elecsnet']);
    for (const entry of tree.entries) expect(out('workspace:get', service.get(entry.id))).toEqual(service.get(entry.id));
    const request = tree.entries.find((entry) => entry.kind === 'request');
    expect(out('workspace:effective-auth', service.effectiveAuth(request?.id ?? ''))).toEqual(service.effectiveAuth(request?.id ?? ''));
    expect(out('workspace:filter', service.filter('sale'))).toEqual(service.filter('sale'));
    expect(out('workspace:environments', service.environments(tree.collections[0] ?? ''))).toEqual(service.environments(tree.collections[0] ?? ''));
  });

  it('inputs the UI sends are accepted, and unknown keys are refused', () => {
    const collection = service.tree().collections[0] ?? '';
    const create = workspaceChannels['workspace:create'].input.parse({ kind: 'request', parentId: collection, name: 'New', method: 'patch' });
    expect(create).toEqual({ kind: 'request', parentId: collection, name: 'New', method: 'PATCH' });
    expect(workspaceChannels['workspace:create'].input.safeParse({ kind: 'request', parentId: collection, name: 'New', extra: 1 }).success).toBe(false);
    expect(workspaceChannels['workspace:rename'].input.safeParse({ id: collection, name: '   ' }).success).toBe(false);
    expect(workspaceChannels['workspace:rename'].input.safeParse({ id: collection, name: 'a\nb' }).success).toBe(false);
    const patch = workspaceChannels['workspace:update-request'].input.parse({ id: 'x', patch: { headers: [{ name: 'A', value: '1' }] } });
    expect(patch.patch.headers).toEqual([{ name: 'A', value: '1', enabled: true }]);
  });

  it('an import summary for the renderer passes its schema and holds no secret value', async () => {
    const fixture = readFileSync(new URL('../../fixtures/workspace/gateways.postman_collection.json', import.meta.url), 'utf8');
    const result = await service.importPostman(fixture);
    const summary = out('workspace:import-postman', toImportSummary(result));
    for (const secret of result.secretsToStore) expect(JSON.stringify(summary)).not.toContain(secret.value);
  });

  it('a curl import answer for the renderer passes its schema and names its vault entries only', () => {
    const collection = service.tree().collections[0] ?? '';
    const result = service.importCurl(`curl -H 'Authorization: Bearer tok-abc-123' https://x.test/ping`, collection);
    const summary = out('workspace:import-curl', toCurlImportSummary(result));
    expect(summary).toMatchObject({ secretsStored: [{ name: 'paynet_osp.bearer_token', kind: 'text' }], warnings: [] });
    expect(JSON.stringify(summary)).not.toContain('tok-abc-123');
  });

  it('export output passes its schema', () => {
    const id = service.tree().collections[3] ?? '';
    const exported = { ...service.exportCollection(id), credentialFindings: service.credentialFindings(id, []) };
    expect(out('workspace:export-collection', exported)).toEqual(exported);
    expect(exported.fileName).toBe('elecsnet.countersign.json');
  });

  it('retargeting the sandbox port is saved', () => {
    expect(service.retargetBuiltInSandbox(4999)).toBe(5);
    const reopened = openService(temp.dir);
    const paynet = reopened.environments(reopened.tree().collections[0] ?? '');
    expect(paynet[0]?.variables.find((variable) => variable.name === 'baseUrl')?.value).toBe('http://127.0.0.1:4999/osp');
  });
});
