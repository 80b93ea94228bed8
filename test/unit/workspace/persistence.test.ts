import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_VERSION } from '../../../main/contract/workspace.ts';
import { MIGRATIONS, migrateDocument } from '../../../main/workspace/migrations.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

const file = (): string => join(temp.dir, 'workspace.json');

/** A document as the unversioned preview wrote it: no schemaVersion, no enabled flags. */
const v0Document = {
  collections: ['c1'],
  nodes: {
    c1: {
      kind: 'collection',
      id: 'c1',
      name: 'Legacy',
      auth: { mode: 'none' },
      children: ['r1'],
      environments: [{ id: 'e1', name: 'Sandbox', protected: false, variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:1' }], secrets: [] }],
    },
    r1: {
      kind: 'request',
      id: 'r1',
      parentId: 'c1',
      name: 'Legacy request',
      method: 'POST',
      url: '{{baseUrl}}/x',
      params: [{ name: 'a', value: '1' }],
      headers: [{ name: 'Accept', value: 'application/json' }],
      body: { kind: 'form', pairs: [{ name: 'f', value: 'v' }] },
      auth: { mode: 'inherit' },
    },
  },
};

describe('persistence', () => {
  it('keeps every edit across a restart, in a 0600 file', () => {
    const first = openService(temp.dir);
    const { pay, folder } = smallTree(first);
    first.updateRequest(pay, { headers: [{ name: 'X-Trace', value: '1', enabled: false }], body: { kind: 'json', text: '{"a":1}' } });
    const { undoToken } = first.delete(folder);
    first.undoDelete(undoToken);

    const second = openService(temp.dir);
    expect(second.tree()).toEqual(first.tree());
    expect(second.get(pay)).toEqual(first.get(pay));
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('starts from the first-run document once, and never again', () => {
    let calls = 0;
    const firstRun = openService(temp.dir, {
      firstRun: () => {
        calls++;
        return { schemaVersion: WORKSPACE_SCHEMA_VERSION, collections: [], nodes: {} };
      },
    });
    firstRun.create({ kind: 'collection', name: 'Mine' });
    openService(temp.dir, { firstRun: () => { calls++; return { schemaVersion: WORKSPACE_SCHEMA_VERSION, collections: [], nodes: {} }; } });
    expect(calls).toBe(1);
  });

  it('refuses to overwrite a workspace written by a newer version', () => {
    const newer = { document: { schemaVersion: WORKSPACE_SCHEMA_VERSION + 1, collections: [], nodes: {} } };
    writeFileSync(file(), JSON.stringify(newer));
    const service = openService(temp.dir);
    expect(service.readOnly).toBe(true);
    expect(service.loadProblem).toMatch(/newer Countersign/);
    expect(() => service.create({ kind: 'collection', name: 'x' })).toThrow(/read-only/);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(newer);
  });

  it('sets an invalid or unparseable file aside, keeps it, and starts empty without samples', () => {
    const invalid = JSON.stringify({ document: { schemaVersion: 1, collections: ['x'], nodes: { x: { kind: 'collection' } } } });
    writeFileSync(file(), invalid);
    const service = openService(temp.dir, { firstRun: () => { throw new Error('no samples over a damaged file'); } });
    expect(service.loadProblem).toMatch(/not valid at nodes\.x/);
    expect(service.readOnly).toBe(false);
    expect(readFileSync(`${file()}.unreadable-1700000000000`, 'utf8')).toBe(invalid);
    expect(service.tree().collections).toEqual([]);
    service.create({ kind: 'collection', name: 'Fresh' });

    temp.cleanup();
    temp = tempDir();
    writeFileSync(file(), '{"document": ');
    expect(openService(temp.dir).loadProblem).toMatch(/could not be used \(.*JSON/);
    expect(readdirSync(temp.dir).sort()).toEqual(['workspace.json', 'workspace.json.unreadable-1700000000000']);
  });
});

describe('migrations', () => {
  it('upgrades a v0 file on load and saves it as the current version', () => {
    writeFileSync(file(), JSON.stringify({ document: v0Document }));
    const service = openService(temp.dir);
    expect(service.loadProblem).toBeNull();
    const request = service.get('r1');
    expect(request.kind === 'request' && [request.headers, request.params, request.body]).toEqual([
      [{ name: 'Accept', value: 'application/json', enabled: true }],
      [{ name: 'a', value: '1', enabled: true }],
      { kind: 'form', pairs: [{ name: 'f', value: 'v', enabled: true }] },
    ]);
    service.rename('r1', 'Renamed');
    const saved = JSON.parse(readFileSync(file(), 'utf8')) as { document: { schemaVersion: number } };
    expect(saved.document.schemaVersion).toBe(WORKSPACE_SCHEMA_VERSION);
  });

  it('v0 -> v1 is the registered first step and changes nothing already explicit', () => {
    expect(MIGRATIONS.map((migration) => migration.from)).toEqual([0, 1, 2]);
    const alreadyExplicit = structuredClone(v0Document);
    alreadyExplicit.nodes.r1.headers = [{ name: 'Accept', value: 'x', enabled: false } as never];
    const migrated = migrateDocument(alreadyExplicit);
    const request = migrated.nodes.r1;
    expect(request?.kind === 'request' && request.headers).toEqual([{ name: 'Accept', value: 'x', enabled: false }]);
  });

  it('v1 -> v2 gives every collection an empty flow list and touches nothing else (v2 -> v3 changes nothing)', () => {
    const v1 = {
      schemaVersion: 1,
      collections: ['c1'],
      nodes: {
        c1: { kind: 'collection', id: 'c1', name: 'C', auth: { mode: 'none' }, children: ['r1'], environments: [] },
        r1: { kind: 'request', id: 'r1', parentId: 'c1', name: 'R', method: 'GET', url: 'https://x', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' } },
      },
    };
    const migrated = migrateDocument(structuredClone(v1));
    expect(migrated.schemaVersion).toBe(3);
    expect(migrated.nodes.c1).toEqual({ ...v1.nodes.c1, flows: [] });
    expect(migrated.nodes.r1).toEqual(v1.nodes.r1);
  });

  it('runs a chain of migrations in order up to the target', () => {
    const seen: number[] = [];
    const chain = [
      { from: 2, describe: 'c', migrate: (doc: Record<string, unknown>) => (seen.push(2), { ...doc, schemaVersion: 3 }) },
      { from: 1, describe: 'b', migrate: (doc: Record<string, unknown>) => (seen.push(1), { ...doc, schemaVersion: 2 }) },
      { from: 0, describe: 'a', migrate: (doc: Record<string, unknown>) => (seen.push(0), { ...doc, schemaVersion: 1 }) },
    ];
    const doc = migrateDocument({ collections: [], nodes: {} }, chain, 3);
    expect(seen).toEqual([0, 1, 2]);
    expect(doc).toEqual({ schemaVersion: 3, collections: [], nodes: {} });
    expect(() => migrateDocument({ schemaVersion: 1, collections: [], nodes: {} }, [], 3)).toThrow(/No migration from workspace format 1/);
  });

  it('v2 -> v3 (multipart and binary-file bodies) loads a v2 file unchanged, and a v3 file keeps its file bodies', () => {
    const request = (id: string, body: unknown) => ({ kind: 'request', id, parentId: 'c1', name: id, method: 'POST', url: 'https://x', params: [], headers: [], body, auth: { mode: 'inherit' } });
    const v2 = {
      schemaVersion: 2,
      collections: ['c1'],
      nodes: {
        c1: { kind: 'collection', id: 'c1', name: 'C', auth: { mode: 'none' }, children: ['r1', 'r2'], environments: [], flows: [] },
        r1: request('r1', { kind: 'form', pairs: [{ name: 'a', value: '1', enabled: false }] }),
        r2: request('r2', { kind: 'raw', text: 'x', contentType: 'text/csv' }),
      },
    };
    const migrated = migrateDocument(structuredClone(v2));
    expect(migrated).toEqual({ ...v2, schemaVersion: 3 });
    const v3 = {
      ...v2,
      schemaVersion: 3,
      nodes: {
        ...v2.nodes,
        r1: request('r1', { kind: 'multipart', parts: [{ kind: 'text', name: 'n', value: 'v', enabled: true }, { kind: 'file', name: 'f', path: '/tmp/a.pdf', enabled: false, contentType: 'application/pdf', fileName: 'b.pdf' }] }),
        r2: request('r2', { kind: 'binary', path: '/tmp/a.bin', contentType: '' }),
      },
    };
    expect(migrateDocument(structuredClone(v3))).toEqual(v3);
    // A file from before version 3 never held these kinds: one that does is refused rather than half-read.
    expect(() => migrateDocument({ ...v3, nodes: { ...v3.nodes, r2: request('r2', { kind: 'binary' }) } })).toThrow(/not valid at nodes\.r2\.body/);
  });
});
