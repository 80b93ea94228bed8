import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { referencedSecrets } from '../../../main/services/referenced-secrets.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { buildSampleWorkspace, sampleSandboxSecrets } from '../../../main/workspace/samples/sample-workspace.ts';

const sample = buildSampleWorkspace({ sandboxPort: 1, ids: sequentialIds() });
const seeded = sampleSandboxSecrets().map((secret) => secret.name);

/** A copy of the sample with one collection's first environment changed. */
function withEnvironment(doc: WorkspaceDocument, collectionName: string, patch: Record<string, unknown>): WorkspaceDocument {
  const copy = structuredClone(doc);
  const collection = Object.values(copy.nodes).find((node) => node.kind === 'collection' && node.name === collectionName);
  if (collection?.kind !== 'collection') throw new Error(`no collection ${collectionName}`);
  collection.environments = collection.environments.map((env) => (env.name === 'UAT' ? { ...env, ...patch } : env));
  return copy;
}

describe('secrets the collections refer to, per environment', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cs-referenced-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds every sample credential in Sandbox, all present once the seeded vault holds them', async () => {
    const result = await referencedSecrets({ document: () => sample, vaultNames: (env) => Promise.resolve(env === 'Sandbox' ? seeded : []), env: () => ({}) }, 'Sandbox');
    expect(result.environments.map((e) => e.environment)).toEqual(['Sandbox']);
    const names = result.environments[0]?.secrets.map((s) => s.name) ?? [];
    // Every seeded name is referenced by some sample (auth fields of requests, collections and folders).
    for (const name of seeded) expect(names).toContain(name);
    expect(result.environments[0]?.secrets.every((s) => s.state === 'present' && s.provider === 'vault')).toBe(true);
  });

  it('lists the same names as missing in an environment whose vault part is empty, with the collections that need them', async () => {
    const result = await referencedSecrets({ document: () => sample, vaultNames: () => Promise.resolve([]), env: () => ({}) }, 'UAT');
    const secrets = result.environments[0]?.secrets ?? [];
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.every((s) => s.state === 'missing' && s.provider === null)).toBe(true);
    expect(secrets.every((s) => s.collections.length > 0)).toBe(true);
  });

  it('says unknown, not missing, while the vault is locked', async () => {
    const result = await referencedSecrets({ document: () => sample, vaultNames: () => Promise.resolve(null), env: () => ({}) }, 'UAT');
    expect(result.environments[0]?.secrets.every((s) => s.state === 'unknown')).toBe(true);
  });

  it('counts a secret served by a CI variable or a pass entry as present, naming where', async () => {
    const names = (await referencedSecrets({ document: () => sample, vaultNames: () => Promise.resolve([]), env: () => ({}) }, 'UAT')).environments[0]?.secrets ?? [];
    const target = names.find((s) => s.collections.length === 1);
    if (!target) throw new Error('no secret of one collection');
    const collectionName = target.collections[0] as string;
    const variable = `COUNTERSIGN_SECRET_UAT_${target.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

    const viaEnv = withEnvironment(sample, collectionName, { secretProviders: [{ kind: 'env' }] });
    const envResult = await referencedSecrets({ document: () => viaEnv, vaultNames: () => Promise.resolve([]), env: () => ({ [variable]: 'x' }) }, 'UAT');
    expect(envResult.environments[0]?.secrets.find((s) => s.name === target.name)).toMatchObject({ state: 'present', provider: 'env', location: variable });

    const store = join(tmp, 'store');
    mkdirSync(join(store, 'team', 'uat'), { recursive: true });
    writeFileSync(join(store, 'team', 'uat', `${target.name}.gpg`), 'not read');
    const viaPass = withEnvironment(sample, collectionName, { secretProviders: [{ kind: 'pass', prefix: 'team/uat' }] });
    const passResult = await referencedSecrets({ document: () => viaPass, vaultNames: () => Promise.resolve([]), env: () => ({ PASSWORD_STORE_DIR: store }) }, 'UAT');
    expect(passResult.environments[0]?.secrets.find((s) => s.name === target.name)).toMatchObject({ state: 'present', provider: 'pass', location: `team/uat/${target.name}` });
  });

  it('reads templates anywhere in a request, and network settings by name', async () => {
    const doc = structuredClone(sample);
    const request = Object.values(doc.nodes).find((node) => node.kind === 'request');
    if (request?.kind !== 'request') throw new Error('no request');
    request.headers.push({ name: 'X-Extra', value: 'k={{ secret: extra.header }}', enabled: true });
    const collectionName = (() => {
      let node = doc.nodes[request.parentId];
      while (node && node.kind !== 'collection') node = doc.nodes[node.parentId];
      return node?.name ?? '';
    })();
    const patched = withEnvironment(doc, collectionName, { network: { proxy: { url: 'http://proxy.example:3128', credentialsSecret: 'proxy.login' } } });
    const result = await referencedSecrets({ document: () => patched, vaultNames: () => Promise.resolve(['extra.header']), env: () => ({}) }, 'UAT');
    const secrets = result.environments[0]?.secrets ?? [];
    expect(secrets.find((s) => s.name === 'extra.header')).toMatchObject({ state: 'present', collections: [collectionName] });
    expect(secrets.find((s) => s.name === 'proxy.login')).toMatchObject({ state: 'missing', collections: [collectionName] });
  });
});
