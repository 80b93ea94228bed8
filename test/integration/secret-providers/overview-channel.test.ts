/**
 * The Vault page's provider view, through the contract as the renderer
 * calls it: an environment's providers are set with workspace:update-environment,
 * survive a restart, and secret-providers:overview says which provider would
 * serve each name (by name and place; no value is read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { makePassStore, type PassStore } from './pass-store.ts';

type Overview = {
  environments: {
    collectionName: string;
    environmentId: string;
    collectionId: string;
    providers: unknown[];
    lookups: { provider: string; where: string }[];
    secrets: { name: string; provider: string | null; location: string | null }[];
    notes: string[];
  }[];
};
type Tree = { entries: { id: string; kind: string; name: string }[] };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let store: PassStore;
let backend: Backend;
const call = contractCaller(() => backend);

async function paynetUat(): Promise<{ collectionId: string; environment: Environment }> {
  const tree = await call<Tree>('workspace:tree', {});
  const collection = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'PayNet OSP');
  const environments = await call<Environment[]>('workspace:environments', { collectionId: collection?.id });
  const environment = environments.find((env) => env.name === 'UAT');
  if (!collection || !environment) throw new Error('no PayNet OSP UAT in the samples');
  return { collectionId: collection.id, environment };
}

beforeAll(async () => {
  dir = await makeTempDir();
  store = await makePassStore();
  await store.insert('countersign/uat/paynet.client_secret', 'overview-pass-value-1\n');
  backend = testBackend(dir.path);
  backend.setSecretProviderEnvironment({ ...store.env, COUNTERSIGN_SECRET_UAT_OTHER_TOKEN: 'set-in-ci-value' });
}, 120_000);

afterAll(async () => {
  await backend.close();
  await store.remove();
  await dir.remove();
});

describe('secret-providers:overview', () => {
  it('shows the vault alone until providers are set', async () => {
    const overview = await call<Overview>('secret-providers:overview', { environment: 'UAT' });
    const paynet = overview.environments.find((entry) => entry.collectionName === 'PayNet OSP');
    expect(paynet?.providers).toEqual([]);
    expect(paynet?.secrets).toEqual([{ name: 'paynet.client_secret', provider: null, location: null }]);
  });

  it('saves providers on the environment, keeps them across a restart, and names where each secret comes from', async () => {
    const { collectionId, environment } = await paynetUat();
    await call('workspace:update-environment', {
      collectionId,
      environmentId: environment.id,
      secrets: [...environment.secrets, 'other.token'],
      secretProviders: [{ kind: 'env' }, { kind: 'pass' }],
    });
    await backend.close();
    backend = testBackend(dir.path);
    backend.setSecretProviderEnvironment({ ...store.env, COUNTERSIGN_SECRET_UAT_OTHER_TOKEN: 'set-in-ci-value' });
    const overview = await call<Overview>('secret-providers:overview', { environment: 'UAT' });
    const paynet = overview.environments.find((entry) => entry.collectionName === 'PayNet OSP');
    expect(paynet?.providers).toEqual([{ kind: 'env' }, { kind: 'pass' }]);
    expect(paynet?.lookups.map((lookup) => lookup.where)).toEqual(['the vault, environment "UAT"', 'COUNTERSIGN_SECRET_UAT_<NAME>', 'pass countersign/uat/<name>']);
    expect(paynet?.secrets).toEqual([
      { name: 'other.token', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_OTHER_TOKEN' },
      { name: 'paynet.client_secret', provider: 'pass', location: 'countersign/uat/paynet.client_secret' },
    ]);
    expect(JSON.stringify(overview)).not.toContain('overview-pass-value-1');
    expect(JSON.stringify(overview)).not.toContain('set-in-ci-value');
  });

  it('refuses a provider list the contract does not allow, keeping the saved one', async () => {
    const { collectionId, environment } = await paynetUat();
    await expect(call('workspace:update-environment', { collectionId, environmentId: environment.id, secretProviders: [{ kind: 'env' }, { kind: 'env' }] })).rejects.toThrow(
      /Each provider kind may appear once/,
    );
    await expect(call('workspace:update-environment', { collectionId, environmentId: environment.id, secretProviders: [{ kind: 'pass', prefix: '../elsewhere' }] })).rejects.toThrow(
      /prefix/,
    );
    expect((await paynetUat()).environment.secretProviders).toEqual([{ kind: 'env' }, { kind: 'pass' }]);
  });

  it('travels with an exported collection and comes back on import', async () => {
    const { collectionId } = await paynetUat();
    // Importing needs an open vault (found credentials would go into it).
    await call('vault:setup', { passphrase: 'overview test passphrase 1' });
    const exported = await call<{ text: string }>('workspace:export-collection', { collectionId });
    expect(exported.text).toContain('"secretProviders"');
    const imported = await call<{ collectionId: string }>('workspace:import-collection', { text: exported.text, secretsEnvironment: 'UAT', onConflict: 'keep-both' });
    const environments = await call<Environment[]>('workspace:environments', { collectionId: imported.collectionId });
    expect(environments.find((env) => env.name === 'UAT')?.secretProviders).toEqual([{ kind: 'env' }, { kind: 'pass' }]);
    expect(environments.find((env) => env.name === 'Production')?.secretProviders).toBeUndefined();
  });

  it('says when pass is not installed', async () => {
    backend.setSecretProviderEnvironment({ ...store.env, PATH: dir.path });
    const overview = await call<Overview>('secret-providers:overview', { environment: 'UAT' });
    expect(overview.environments.find((entry) => entry.collectionName === 'PayNet OSP')?.notes.join(' ')).toMatch(/pass is not installed/);
  });
});
