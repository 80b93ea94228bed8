import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { createFolderStore } from '../../../main/workspace/folder/folder-store.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { requestByName, samples, snapshot, tempDir } from './support.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
const folder = () => {
  const made = tempDir();
  cleanups.push(made.remove);
  return made.dir;
};
const load = (dir: string): WorkspaceDocument => {
  const outcome = createFolderStore(dir, sequentialIds('fresh')).load();
  if (outcome.kind !== 'loaded') throw new Error(`not loaded: ${outcome.kind}`);
  return outcome.document;
};

describe('workspace folder', () => {
  it('round-trips byte-identically: files -> model -> files, and a save with no change writes nothing', () => {
    const first = folder();
    createFolderStore(first).save(samples());
    const written = snapshot(first);
    expect(written.get('countersign-workspace.yaml')).toBe('format: countersign.workspace\nversion: 1\nschemaVersion: 3\n');
    expect([...written.values()].every((text) => text.endsWith('\n') && !text.includes('\r'))).toBe(true);

    const second = folder();
    createFolderStore(second).save(load(first));
    expect(snapshot(second)).toEqual(written);

    const store = createFolderStore(first);
    const outcome = store.load();
    if (outcome.kind !== 'loaded') throw new Error('not loaded');
    const before = readFileSync(join(first, 'paynet-osp/request-a-report.request.yaml'));
    writeFileSync(join(first, 'paynet-osp/request-a-report.request.yaml'), before); // same bytes, new mtime is irrelevant
    store.save(outcome.document);
    expect(snapshot(first)).toEqual(written);
  });

  it('leaves a hand-formatted file alone while its content is unchanged, and writes only the edited request', () => {
    const dir = folder();
    createFolderStore(dir).save(samples());
    const handPath = join(dir, 'paynet-osp/report-status.request.yaml');
    const hand = `# kept as I wrote it\n${readFileSync(handPath, 'utf8').replace(/^method: GET$/m, "method: 'GET'")}`;
    writeFileSync(handPath, hand);
    const before = snapshot(dir);
    const store = createFolderStore(dir);
    const outcome = store.load();
    if (outcome.kind !== 'loaded') throw new Error('not loaded');
    requestByName(outcome.document, 'Request a report').url = 'https://edited.example/';
    store.save(outcome.document);
    const after = snapshot(dir);
    const changed = [...after.keys()].filter((path) => after.get(path) !== before.get(path));
    expect(changed).toEqual(['paynet-osp/request-a-report.request.yaml']);
    expect(after.get('paynet-osp/report-status.request.yaml')).toBe(hand);
  });

  it('writes keys in the model order, whatever order an edit set them in', () => {
    const dir = folder();
    const doc = samples();
    const request = requestByName(doc, 'Request a report');
    const shuffled = Object.fromEntries(Object.entries(request).reverse());
    doc.nodes[request.id] = shuffled as typeof request;
    createFolderStore(dir).save(doc);
    const text = readFileSync(join(dir, 'paynet-osp/request-a-report.request.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual([`id: ${request.id}`, 'name: Request a report', expect.stringMatching(/^description: |^method: /)]);
  });

  it('carries a field it was not written for (a newer model field) through to the file', () => {
    const dir = folder();
    const doc = samples();
    const request = requestByName(doc, 'Report status');
    (request as Record<string, unknown>).zzLaterField = { b: 1, a: 2 };
    createFolderStore(dir).save(doc);
    expect(readFileSync(join(dir, 'paynet-osp/report-status.request.yaml'), 'utf8')).toMatch(/\nzzLaterField:\n {2}a: 2\n {2}b: 1\n$/);
  });

  it('names files from item names and tells twins apart; a twin keeps its file when the other is renamed', () => {
    const dir = folder();
    const store = createFolderStore(dir);
    const doc = samples();
    const a = requestByName(doc, 'Request a report');
    const b = requestByName(doc, 'Report status');
    b.name = 'Request a report';
    store.save(doc);
    expect(snapshot(dir).has('paynet-osp/request-a-report.request.yaml')).toBe(true);
    expect(snapshot(dir).has('paynet-osp/request-a-report-2.request.yaml')).toBe(true);
    a.name = 'Renamed';
    store.save(doc);
    const files = snapshot(dir);
    expect(files.has('paynet-osp/renamed.request.yaml')).toBe(true);
    expect(files.has('paynet-osp/request-a-report-2.request.yaml')).toBe(true);
    expect(files.has('paynet-osp/request-a-report.request.yaml')).toBe(false);
  });

  it('reports a malformed file with its path and line, loads the rest, and never rewrites or removes it', () => {
    const dir = folder();
    createFolderStore(dir).save(samples());
    const bad = 'paynet-osp/report-status.request.yaml';
    const broken = readFileSync(join(dir, bad), 'utf8').replace(/^method: .*$/m, 'method: [GET');
    writeFileSync(join(dir, bad), broken);
    const wrongType = 'paynet-osp/get-access-token.request.yaml';
    const typed = readFileSync(join(dir, wrongType), 'utf8').replace(/^url: .*$/m, 'url:\n  - not a string');
    writeFileSync(join(dir, wrongType), typed);

    const store = createFolderStore(dir);
    const outcome = store.load();
    if (outcome.kind !== 'loaded') throw new Error('not loaded');
    const problems = store.problems();
    expect(problems.map((p) => p.path).sort()).toEqual([wrongType, bad].sort());
    const methodLine = broken.split('\n').findIndex((line) => line.startsWith('method:')) + 1;
    expect(problems.find((p) => p.path === bad)?.line).toBeGreaterThanOrEqual(methodLine);
    const typeProblem = problems.find((p) => p.path === wrongType);
    expect(typeProblem?.line).toBe(typed.split('\n').findIndex((line) => line.startsWith('url:')) + 2);
    expect(typeProblem?.message).toContain('url');
    const names = Object.values(outcome.document.nodes).map((node) => node.name);
    expect(names).toContain('Request a report');
    expect(names).not.toContain('Report status');

    // An edit elsewhere, then a new request under the broken one's name: the broken files stay as they are and keep their places.
    const doc = outcome.document;
    requestByName(doc, 'Request a report').url = 'https://changed.example/x';
    const collection = Object.values(doc.nodes).find((node) => node.kind === 'collection' && node.name === 'PayNet OSP');
    if (collection?.kind !== 'collection') throw new Error('no collection');
    doc.nodes.twin = { kind: 'request', id: 'twin', parentId: collection.id, name: 'Report status', method: 'GET', url: 'https://x.example', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' } };
    collection.children.push('twin');
    store.save(doc);
    expect(readFileSync(join(dir, bad), 'utf8')).toBe(broken);
    expect(readFileSync(join(dir, wrongType), 'utf8')).toBe(typed);
    const order = readFileSync(join(dir, 'paynet-osp/order.yaml'), 'utf8');
    expect(order).toContain('- report-status.request.yaml');
    expect(order).toContain('- report-status-2.request.yaml');
  });

  it('splits an environment: local variables and network settings go to a git-ignored .local.yaml', () => {
    const dir = folder();
    createFolderStore(dir).save(samples());
    const envDir = join(dir, 'paynet-osp/environments');
    writeFileSync(join(envDir, 'uat.local.yaml'), 'variables:\n  - name: clientId\n    value: my-own-client\n    enabled: true\nnetwork:\n  proxy:\n    url: http://proxy.internal:3128\n');
    const store = createFolderStore(dir);
    const outcome = store.load();
    if (outcome.kind !== 'loaded') throw new Error('not loaded');
    const collection = Object.values(outcome.document.nodes).find((node) => node.kind === 'collection' && node.name === 'PayNet OSP');
    if (collection?.kind !== 'collection') throw new Error('no collection');
    const uat = collection.environments.find((env) => env.name === 'UAT');
    expect(uat?.variables.find((v) => v.name === 'clientId')?.value).toBe('my-own-client');
    expect(uat?.network?.proxy?.url).toBe('http://proxy.internal:3128');
    if (uat) uat.variables = uat.variables.map((v) => (v.name === 'clientId' ? { ...v, value: 'edited-locally' } : v));
    const sharedBefore = readFileSync(join(envDir, 'uat.yaml'), 'utf8');
    store.save(outcome.document);
    expect(readFileSync(join(envDir, 'uat.yaml'), 'utf8')).toBe(sharedBefore);
    expect(readFileSync(join(envDir, 'uat.local.yaml'), 'utf8')).toContain('value: edited-locally');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('*.local.yaml');
  });

  it('writes the built-in sandbox environments with port 0, so the sandbox starting on a new port changes no file', () => {
    const dir = folder();
    const doc = samples();
    const store = createFolderStore(dir);
    store.save(doc);
    const before = snapshot(dir);
    for (const node of Object.values(doc.nodes)) {
      if (node.kind !== 'collection') continue;
      for (const env of node.environments) for (const variable of env.variables) variable.value = variable.value.replace('127.0.0.1:0', '127.0.0.1:43117');
    }
    store.save(doc);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to write a request with a typed-in credential, and writes the rest', () => {
    const dir = folder();
    const store = createFolderStore(dir);
    const doc = samples();
    store.save(doc);
    const request = requestByName(doc, 'Report status');
    const fileBefore = readFileSync(join(dir, 'paynet-osp/report-status.request.yaml'), 'utf8');
    const credential = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl';
    request.headers = [...request.headers, { name: 'Authorization', value: credential, enabled: true }];
    requestByName(doc, 'Request a report').url = 'https://other.example/report';
    expect(() => store.save(doc)).toThrow(/credential is typed into .*Report status.*vault/s);
    const files = snapshot(dir);
    expect(files.get('paynet-osp/report-status.request.yaml')).toBe(fileBefore);
    expect(files.get('paynet-osp/request-a-report.request.yaml')).toContain('https://other.example/report');
    for (const text of files.values()) expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('refuses to write an environment with a credential typed into a variable, shared or local part alike', () => {
    const dir = folder();
    const store = createFolderStore(dir);
    const doc = samples();
    store.save(doc);
    const uatPath = join(dir, 'paynet-osp/environments/uat.yaml');
    const before = readFileSync(uatPath, 'utf8');
    const collection = Object.values(doc.nodes).find((node) => node.kind === 'collection' && node.name === 'PayNet OSP');
    if (collection?.kind !== 'collection') throw new Error('no collection');
    const uat = collection.environments.find((env) => env.name === 'UAT');
    uat?.variables.push({ name: 'clientSecret', value: 'q8Zr2LmN4vX7pK1s', enabled: true });
    expect(() => store.save(doc)).toThrow(/PayNet OSP environment UAT: variable clientSecret/);
    expect(readFileSync(uatPath, 'utf8')).toBe(before);
    for (const text of snapshot(dir).values()) expect(text).not.toContain('q8Zr2LmN4vX7pK1s');
  });

  it('opens a folder that is not a workspace read-only and writes nothing into it', () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    const store = createFolderStore(dir);
    expect(store.load().kind).toBe('read-only');
    expect(() => store.save(samples())).toThrow(/not a Countersign workspace/);
    expect([...snapshot(dir).keys()]).toEqual(['notes.txt']);
  });
});
