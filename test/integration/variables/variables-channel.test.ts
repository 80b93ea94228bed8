/**
 * variables:resolve, through the contract as the editor calls it: a plain
 * variable's value, a dynamic variable's description, and for a secret only
 * its name, who would serve it and whether it is there. No secret value
 * leaves main, whichever provider holds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VariableFact } from '../../../main/contract/variables.ts';
import type { Environment } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

type Tree = { entries: { id: string; kind: string; name: string; parentId?: string }[] };

const VAULT_VALUE = 'variables-channel-vault-value-1';
const CI_VALUE = 'variables-channel-ci-value-2';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let backend: Backend;
const call = contractCaller(() => backend);
let requestId = '';
let uat: Environment;

beforeAll(async () => {
  dir = await makeTempDir();
  backend = testBackend(dir.path);
  backend.setSecretProviderEnvironment({ COUNTERSIGN_SECRET_UAT_CI_TOKEN: CI_VALUE });
  await call('vault:setup', { passphrase: 'variables channel passphrase 1' });
  await call('vault:add', { environment: 'UAT', name: 'in.vault', kind: 'text', value: VAULT_VALUE });
  const tree = await call<Tree>('workspace:tree', {});
  const collection = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'PayNet OSP');
  const environments = await call<Environment[]>('workspace:environments', { collectionId: collection?.id });
  const found = environments.find((env) => env.name === 'UAT');
  if (!collection || !found) throw new Error('no PayNet OSP UAT in the samples');
  await call('workspace:update-environment', {
    collectionId: collection.id,
    environmentId: found.id,
    variables: [...found.variables, { name: 'region', value: 'eu-1', enabled: true }, { name: 'off', value: 'x', enabled: false }],
    secretProviders: [{ kind: 'env' }],
  });
  uat = found;
  const ids = new Set([collection.id]);
  // The first request anywhere under the collection.
  for (const entry of tree.entries) if (entry.parentId !== undefined && ids.has(entry.parentId)) ids.add(entry.id);
  requestId = tree.entries.find((entry) => entry.kind === 'request' && ids.has(entry.id))?.id ?? '';
  expect(requestId).not.toBe('');
}, 120_000);

afterAll(async () => {
  await backend.close();
  await dir.remove();
});

const resolve = (names: string[]) => call<{ variables: VariableFact[] }>('variables:resolve', { requestId, environmentId: uat.id, names });

describe('variables:resolve', () => {
  it('answers each name with its source; secrets by name and provider only', async () => {
    const answer = await resolve(['region', 'off', '$uuid', '$bogus', 'secret:in.vault', 'secret:ci.token', 'secret:nowhere']);
    expect(answer.variables).toEqual([
      { name: 'region', source: 'environment', environment: 'UAT', value: 'eu-1' },
      { name: 'off', source: 'undefined', environment: 'UAT', reason: 'environment "UAT" does not define it' },
      { name: '$uuid', source: 'dynamic', description: 'a new random UUID (v4) at each send' },
      { name: '$bogus', source: 'undefined', environment: 'UAT', reason: expect.stringContaining('not a dynamic variable') as unknown as string },
      { name: 'secret:in.vault', source: 'secret', environment: 'UAT', secret: 'in.vault', state: 'present', provider: 'vault', location: null },
      { name: 'secret:ci.token', source: 'secret', environment: 'UAT', secret: 'ci.token', state: 'present', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_CI_TOKEN' },
      { name: 'secret:nowhere', source: 'secret', environment: 'UAT', secret: 'nowhere', state: 'missing', provider: null, location: null },
    ]);
    const text = JSON.stringify(answer);
    expect(text).not.toContain(VAULT_VALUE);
    expect(text).not.toContain(CI_VALUE);
  });

  it("notes that a Sandbox address gets the built-in sandbox's port when it starts", async () => {
    const tree = await call<Tree>('workspace:tree', {});
    const collection = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'PayNet OSP');
    const environments = await call<Environment[]>('workspace:environments', { collectionId: collection?.id });
    const sandbox = environments.find((env) => env.name === 'Sandbox');
    const answer = await call<{ variables: VariableFact[] }>('variables:resolve', { requestId, environmentId: sandbox?.id, names: ['baseUrl', 'clientId'] });
    expect(answer.variables[0]).toMatchObject({ source: 'environment', note: expect.stringContaining("built-in sandbox's address") as unknown });
    expect(answer.variables[1]).not.toHaveProperty('note');
  });

  it('says "unknown" for a vault name while the vault is locked', async () => {
    await call('vault:lock', {});
    const answer = await resolve(['secret:in.vault']);
    expect(answer.variables[0]).toMatchObject({ state: 'unknown', provider: null });
    await call('vault:unlock', { passphrase: 'variables channel passphrase 1' });
  });

  it('refuses an environment of another collection or an unknown request', async () => {
    await expect(call('variables:resolve', { requestId: 'no-such-request', environmentId: uat.id, names: ['a'] })).rejects.toThrow(/no collection|not found|No item/i);
    await expect(call('variables:resolve', { requestId, environmentId: 'no-such-env', names: ['a'] })).rejects.toThrow(/no environment/);
  });
});
