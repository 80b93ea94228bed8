import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { createFolderStore } from '../../../main/workspace/folder/folder-store.ts';
import { samples, tempDir } from './support.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function service(): WorkspaceService {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return new WorkspaceService({ store: createFolderStore(dir), ids: sequentialIds('t'), firstRun: () => samples() });
}

const named = (doc: WorkspaceDocument, name: string) => Object.values(doc.nodes).filter((node) => node.name === name);
const collectionNames = (doc: WorkspaceDocument) => doc.collections.map((id) => doc.nodes[id]?.name);

const fixture = readFileSync(new URL('../../fixtures/workspace/gateways.postman_collection.json', import.meta.url), 'utf8');

describe('importing a collection whose name is taken', () => {
  it('refuses by default and changes nothing (it used to add a duplicate that run then picked arbitrarily)', () => {
    const workspace = service();
    const paynet = workspace.document.collections.find((id) => workspace.get(id).name === 'PayNet OSP') ?? '';
    const text = workspace.exportCollection(paynet).text;
    const before = JSON.stringify(workspace.document);
    expect(() => workspace.importCollection(text)).toThrow(/A collection named "PayNet OSP" already exists.*replace.*merge.*keep both/s);
    expect(JSON.stringify(workspace.document)).toBe(before);
  });

  it('keep-both adds the import under a new name', () => {
    const workspace = service();
    const paynet = workspace.document.collections.find((id) => workspace.get(id).name === 'PayNet OSP') ?? '';
    const text = workspace.exportCollection(paynet).text;
    workspace.importCollection(text, 'keep-both');
    workspace.importCollection(text, 'keep-both');
    expect(collectionNames(workspace.document).filter((name) => name?.startsWith('PayNet OSP'))).toEqual(['PayNet OSP', 'PayNet OSP (2)', 'PayNet OSP (3)']);
  });

  it('merge updates same-named items in place (ids kept), adds new ones, keeps the rest and merges environments', () => {
    const workspace = service();
    const paynet = workspace.document.collections.find((id) => workspace.get(id).name === 'PayNet OSP') ?? '';
    const report = named(workspace.document, 'Request a report')[0];
    const file = JSON.parse(workspace.exportCollection(paynet).text) as {
      collection: { items: { name: string; url?: string }[]; environments: { name: string; variables: { name: string; value: string; enabled: boolean }[]; protected: boolean }[] };
    };
    file.collection.items = file.collection.items.filter((item) => item.name !== 'Report status').map((item) => (item.name === 'Request a report' ? { ...item, url: '{{baseUrl}}/merged' } : item));
    file.collection.items.push({ type: 'request', name: 'New one', method: 'GET', url: '{{baseUrl}}/new' } as { name: string; url: string });
    const uat = file.collection.environments.find((env) => env.name === 'UAT');
    if (!uat) throw new Error('no UAT');
    uat.variables = [{ name: 'fromImport', value: 'yes', enabled: true }];
    const production = file.collection.environments.find((env) => env.name === 'Production');
    if (production) production.protected = false;
    // The flow names Report status, which this file no longer has.
    (file.collection as { flows?: unknown[] }).flows = [];

    const result = workspace.importCollection(JSON.stringify(file), 'merge');
    expect(result.collectionId).toBe(paynet);
    const doc = workspace.document;
    expect(collectionNames(doc).filter((name) => name === 'PayNet OSP')).toHaveLength(1);
    const merged = named(doc, 'Request a report');
    expect(merged).toHaveLength(1);
    expect(merged[0]?.id).toBe(report?.id);
    expect(merged[0]?.kind === 'request' && merged[0].url).toBe('{{baseUrl}}/merged');
    expect(named(doc, 'Report status')).toHaveLength(1);
    expect(named(doc, 'New one')).toHaveLength(1);
    const environments = workspace.environments(paynet);
    const uatAfter = environments.find((env) => env.name === 'UAT');
    expect(uatAfter?.variables.map((v) => v.name)).toEqual(expect.arrayContaining(['baseUrl', 'fromImport']));
    expect(environments.find((env) => env.name === 'Production')?.protected).toBe(true);
    expect(workspace.get(paynet).kind === 'collection' && (workspace.get(paynet) as { flows: unknown[] }).flows).toHaveLength(1);
  });

  it('replace removes what the import does not have, keeping the ids of what it matches', () => {
    const workspace = service();
    const paynet = workspace.document.collections.find((id) => workspace.get(id).name === 'PayNet OSP') ?? '';
    const report = named(workspace.document, 'Request a report')[0];
    const file = JSON.parse(workspace.exportCollection(paynet).text) as { collection: { items: { name: string }[]; flows: unknown[] } };
    file.collection.items = file.collection.items.filter((item) => item.name !== 'Report status');
    file.collection.flows = [];
    workspace.importCollection(JSON.stringify(file), 'replace');
    const doc = workspace.document;
    expect(named(doc, 'Report status')).toHaveLength(0);
    expect(named(doc, 'Request a report')[0]?.id).toBe(report?.id);
    const collection = workspace.get(paynet);
    expect(collection.kind === 'collection' && collection.flows).toEqual([]);
    // Nothing left dangling: every child id resolves.
    for (const node of Object.values(doc.nodes)) if (node.kind !== 'request') for (const child of node.children) expect(doc.nodes[child]).toBeDefined();
  });

  it('applies to Postman imports too', async () => {
    const workspace = service();
    const first = await workspace.importPostman(fixture);
    await expect(workspace.importPostman(fixture)).rejects.toThrow(/already exists/);
    const merged = await workspace.importPostman(fixture, 'merge');
    expect(merged.collectionId).toBe(first.collectionId);
    expect(Object.values(workspace.document.nodes).filter((node) => node.kind === 'request' && node.parentId === first.collectionId).length).toBeGreaterThan(0);
    expect(collectionNames(workspace.document).filter((name) => name === workspace.get(first.collectionId).name)).toHaveLength(1);
  });
});
