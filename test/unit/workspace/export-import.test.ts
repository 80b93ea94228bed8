import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import { CollectionFile, COLLECTION_FORMAT } from '../../../main/workspace/exchange/format.ts';
import type { WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { buildSampleWorkspace } from '../../../main/workspace/samples/sample-workspace.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
let service: WorkspaceService;
beforeEach(() => {
  temp = tempDir();
  service = openService(temp.dir);
});
afterEach(() => temp.cleanup());

const oauth1: AuthStep = {
  type: 'oauth1',
  signatureMethod: 'RSA-SHA256',
  consumerKey: '{{merchantLogin}}',
  privateKey: '{{secret:merchant_private_key}}',
  realm: '',
  includeVersion: true,
  oauthParamsInBody: true,
};

function richCollection(): string {
  const { collection, folder, pay, ping } = smallTree(service);
  service.setAuth(folder, { mode: 'chain', steps: [oauth1] });
  service.updateRequest(pay, {
    description: 'Sale',
    params: [{ name: 'a', value: '{{x}}', enabled: false }],
    headers: [{ name: 'Accept', value: 'text/plain', enabled: true }],
    body: { kind: 'form', pairs: [{ name: 'amount', value: '10.00', enabled: true }] },
    settings: { timeoutMs: 5000, saveToFile: true },
  });
  service.updateRequest(ping, { auth: { mode: 'none' }, body: { kind: 'raw', text: '<x/>', contentType: 'application/xml' } });
  const [sandbox] = service.environments(collection);
  service.updateEnvironment(collection, sandbox?.id ?? '', { variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:1234', enabled: true }], secrets: ['merchant_private_key'] });
  return collection;
}

describe('countersign.collection export', () => {
  it('writes a versioned, documented file with secrets by name only', () => {
    const collection = richCollection();
    const { fileName, text } = service.exportCollection(collection);
    expect(fileName).toBe('gateway.countersign.json');
    const file = CollectionFile.parse(JSON.parse(text));
    expect([file.format, file.version, file.exportedAt]).toEqual([COLLECTION_FORMAT, 2, '2026-01-02T03:04:05.000Z']);
    expect(file.collection.environments[0]).toEqual({ name: 'Sandbox', protected: false, variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:1234', enabled: true }], secrets: ['merchant_private_key'] });
    expect(text).toContain('"privateKey": "{{secret:merchant_private_key}}"');
    expect(text).not.toContain('"id"');
  });

  it('round-trips: importing an export and exporting again gives the same file', () => {
    const collection = richCollection();
    const first = service.exportCollection(collection).text;
    // A same-named collection would make the import refuse (#17): the original steps aside.
    service.rename(collection, 'Original');
    const imported = service.importCollection(first);
    expect(imported.secretsToStore).toEqual([]);
    expect([imported.folders, imported.requests]).toEqual([1, 2]);
    expect(imported.collectionId).not.toBe(collection);
    expect(service.exportCollection(imported.collectionId).text).toBe(first);
  });

  it('takes typed-in secrets out of a hand-edited file for the vault', () => {
    const collection = richCollection();
    const file = JSON.parse(service.exportCollection(collection).text) as { collection: { auth: unknown } };
    file.collection.auth = { mode: 'chain', steps: [{ type: 'bearer', token: 'plain-token-value' }] };
    service.rename(collection, 'Original');
    const imported = service.importCollection(JSON.stringify(file));
    expect(imported.secretsToStore).toEqual([{ name: 'gateway.bearer_token', value: 'plain-token-value', kind: 'text' }]);
    expect(service.get(imported.collectionId).auth).toEqual({ mode: 'chain', steps: [{ type: 'bearer', token: '{{secret:gateway.bearer_token}}' }] });
  });

  it('refuses other formats, newer versions and invalid content with the place named', () => {
    expect(() => service.importCollection('{"format":"other"}')).toThrow(/not a countersign\.collection export/);
    expect(() => service.importCollection(JSON.stringify({ format: COLLECTION_FORMAT, version: 4, collection: {} }))).toThrow(/newer Countersign \(collection format version 4\)/);
    try {
      service.importCollection(JSON.stringify({ format: COLLECTION_FORMAT, version: 1, collection: { name: 'x', items: [{ type: 'request', name: 'r', method: 'GET', url: 1 }] } }));
      expect.unreachable();
    } catch (error) {
      expect((error as { issues?: { path: string }[] }).issues?.[0]?.path).toBe('collection.items.0.url');
    }
  });

  it('carries flows, naming each step\'s request by its path, and rebinds them to the imported requests', () => {
    const other = tempDir();
    onTestFinished(() => other.cleanup());
    const samples = openService(other.dir, { firstRun: (ids) => buildSampleWorkspace({ sandboxPort: 0, ids }) });
    const paynet = samples.document.collections.find((id) => samples.get(id).name === 'PayNet OSP')!;
    const text = samples.exportCollection(paynet).text;
    const file = JSON.parse(text) as { collection: { flows: { name: string; steps: { request?: string[] }[] }[] } };
    expect(file.collection.flows.map((flow) => flow.name)).toEqual(['Download report']);
    expect(file.collection.flows[0]!.steps.map((step) => step.request)).toEqual([['Get access token'], ['Request a report'], ['Report status'], ['Download report']]);
    expect(text).not.toMatch(/"requestId"|"id":/);

    const imported = service.importCollection(text);
    const collection = service.get(imported.collectionId);
    const flow = collection.kind === 'collection' ? collection.flows[0]! : undefined;
    const stepRequests = flow!.steps.map((step) => (step.kind === 'request' ? service.get(step.requestId) : undefined));
    expect(stepRequests.map((node) => [node?.name, node && collectionOfNode(node.id)])).toEqual([
      ['Get access token', imported.collectionId],
      ['Request a report', imported.collectionId],
      ['Report status', imported.collectionId],
      ['Download report', imported.collectionId],
    ]);
    // Re-exporting the import gives the same file (apart from the time).
    expect(service.exportCollection(imported.collectionId).text.replace(/"exportedAt": "[^"]*"/, '')).toBe(text.replace(/"exportedAt": "[^"]*"/, ''));

    file.collection.flows[0]!.steps[1]!.request = ['Nowhere', 'Request a report'];
    expect(() => service.importCollection(JSON.stringify(file), 'keep-both')).toThrow(/Flow "Download report" names a request "Nowhere \/ Request a report" that the collection does not have/);
  });
});

function collectionOfNode(id: string): string {
  let node = service.get(id);
  while (node.kind !== 'collection') node = service.get(node.parentId);
  return node.id;
}
