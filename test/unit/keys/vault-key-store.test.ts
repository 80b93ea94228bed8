import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { createKeyService } from '../../../main/keys/key-service.ts';
import { createVaultKeyStore, type SecretVaultLike } from '../../../main/keys/vault-key-store.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import type { VaultService } from '../../../main/vault/vault-service.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { pem, rsaKey } from './key-fixtures.ts';

// The real vault service must fit the slice the key store uses; this line stops compiling if it drifts.
export const vaultServiceFits = (vault: VaultService): SecretVaultLike => vault;

type Secret = { environment: string; name: string; kind: string; value: string };

/** Behaves like main/vault's service where the key store relies on it: add refuses duplicates, rotate needs an entry. */
function fakeSecretVault() {
  const secrets: Secret[] = [];
  const reveals: string[] = [];
  const find = (environment: string, name: string) => secrets.find((s) => s.environment === environment && s.name === name);
  const vault: SecretVaultLike = {
    list: ({ environment }) => ({ secrets: secrets.filter((s) => environment === undefined || s.environment === environment).map((s) => ({ environment: s.environment, name: s.name, kind: s.kind })) }),
    add(input) {
      if (find(input.environment, input.name)) return Promise.reject(new ServiceError('conflict', 'exists'));
      secrets.push({ ...input });
      return Promise.resolve();
    },
    rotate(input) {
      const secret = find(input.environment, input.name);
      if (!secret) return Promise.reject(new ServiceError('not_found', 'missing'));
      secret.value = input.value;
      return Promise.resolve();
    },
    remove(input) {
      const index = secrets.findIndex((s) => s.environment === input.environment && s.name === input.name);
      if (index < 0) return Promise.reject(new ServiceError('not_found', 'missing'));
      secrets.splice(index, 1);
      return Promise.resolve();
    },
    reveal(environment, name, purpose) {
      const secret = find(environment, name);
      if (!secret) return Promise.reject(new ServiceError('not_found', 'missing'));
      reveals.push(`${purpose}:${environment}/${name}`);
      return Promise.resolve(secret.value);
    },
  };
  return { vault, secrets, reveals };
}

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-keystore-');
});
afterEach(async () => {
  await dir.remove();
});

function setup() {
  const secrets = fakeSecretVault();
  const store = createVaultKeyStore(secrets.vault, createConfStoreFactory(dir.path));
  let next = 0;
  const service = createKeyService({
    vault: store,
    generate: () => {
      const privateKey = rsaKey(`store-${next++}`);
      return Promise.resolve({ privateKey, publicKey: privateKey });
    },
    clock: () => new Date('2026-05-05T05:05:05.000Z'),
  });
  return { ...secrets, store, service };
}

describe('vault-backed key store', () => {
  it('keeps the private key as an rsa_private_key secret named like the key, and only public facts on disk beside it', async () => {
    const { service, secrets } = setup();
    await service.generate({ environment: 'sandbox', name: 'elecsnet.v2', bits: 2048 });
    expect(secrets.map((s) => [s.environment, s.name, s.kind])).toEqual([['sandbox', 'elecsnet.v2', 'rsa_private_key']]);
    expect(secrets[0]?.value).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const onDisk = await readFile(join(dir.path, 'keys.json'), 'utf8');
    expect(onDisk).toContain('BEGIN PUBLIC KEY');
    expect(onDisk).not.toContain('PRIVATE KEY');
    expect(JSON.parse(onDisk)).toMatchObject({ keys: { sandbox: { 'elecsnet.v2': { bits: 2048, origin: 'generated' } } } });
  });

  it('lists without decrypting, and survives a restart', async () => {
    const { service, vault, reveals } = setup();
    await service.generate({ environment: 'sandbox', name: 'a', bits: 2048 });
    const reopened = createKeyService({ vault: createVaultKeyStore(vault, createConfStoreFactory(dir.path)) });
    const { keys } = await reopened.list('sandbox');
    expect(keys.map((k) => [k.name, k.bits, k.created])).toEqual([['a', 2048, '2026-05-05T05:05:05.000Z']]);
    expect(reveals).toEqual([]);
  });

  it('still lists stored keys while the vault is locked, from their public facts', async () => {
    const { service, vault } = setup();
    await service.generate({ environment: 'sandbox', name: 'a', bits: 2048 });
    const locked = {
      ...vault,
      list: () => {
        throw new ServiceError('locked', 'The vault is locked.');
      },
    };
    const reopened = createKeyService({ vault: createVaultKeyStore(locked, createConfStoreFactory(dir.path)) });
    expect((await reopened.list('sandbox')).keys.map((k) => k.name)).toEqual(['a']);
  });

  it('rotates through a second secret and the vault rotate operation', async () => {
    const { service, secrets, reveals } = setup();
    await service.generate({ environment: 'sandbox', name: 'k', bits: 2048 });
    const rotated = await service.rotate({ environment: 'sandbox', name: 'k', bits: 2048 });
    expect(secrets.map((s) => s.name)).toEqual(['k', 'k:next']);
    const nextValue = secrets[1]?.value;
    await service.confirmRotation({ environment: 'sandbox', name: 'k', confirm: true });
    expect(secrets.map((s) => [s.name, s.value])).toEqual([['k', nextValue]]);
    expect(reveals).toEqual(['export:sandbox/k:next']);
    const { keys } = await service.list('sandbox');
    expect(rotated.outcome === 'created' && keys[0]?.fingerprint).toEqual(rotated.outcome === 'created' ? rotated.key.fingerprint : null);
  });

  it('forgets a key whose secret was deleted from the vault elsewhere', async () => {
    const { service, vault } = setup();
    await service.generate({ environment: 'sandbox', name: 'k', bits: 2048 });
    await vault.remove({ environment: 'sandbox', name: 'k', confirm: true });
    await expect(service.list('sandbox')).resolves.toEqual({ keys: [] });
    await expect(service.exportPublic({ environment: 'sandbox', name: 'k' })).rejects.toMatchObject({ code: 'not_found' });
    // The name is free again.
    await expect(service.generate({ environment: 'sandbox', name: 'k', bits: 2048 })).resolves.toMatchObject({ outcome: 'created' });
  });

  it('refuses to import over an unrelated secret of the same name, leaving it alone', async () => {
    const { service, vault, secrets } = setup();
    await vault.add({ environment: 'sandbox', name: 'k', kind: 'rsa_private_key', value: 'someone else' });
    const material = { encoding: 'pem' as const, text: pem(rsaKey('x').export({ type: 'pkcs8', format: 'pem' })) };
    await expect(service.importKey({ environment: 'sandbox', name: 'k', material })).rejects.toMatchObject({ code: 'conflict', message: /not a Countersign key/ });
    expect(secrets.map((s) => s.value)).toEqual(['someone else']);
  });

  it('deletes secret and metadata together', async () => {
    const { service, secrets } = setup();
    await service.generate({ environment: 'sandbox', name: 'k', bits: 2048 });
    await service.delete({ environment: 'sandbox', name: 'k', confirm: true });
    expect(secrets).toEqual([]);
    expect(JSON.parse(await readFile(join(dir.path, 'keys.json'), 'utf8'))).toMatchObject({ keys: { sandbox: {} } });
  });
});

describe('vault-backed key store under generation', () => {
  it('reports a generated key the vault refused as failed, keeping the other secret', async () => {
    const secrets = fakeSecretVault();
    const finished: string[] = [];
    const service = createKeyService({
      vault: createVaultKeyStore(secrets.vault, createConfStoreFactory(dir.path)),
      generate: () => Promise.resolve({ privateKey: rsaKey('g'), publicKey: rsaKey('g') }),
      events: { progress: () => {}, finished: (f) => finished.push(`${f.outcome}: ${f.message ?? ''}`) },
    });
    await secrets.vault.add({ environment: 'sandbox', name: 'k', kind: 'rsa_private_key', value: 'theirs' });
    await expect(service.generate({ environment: 'sandbox', name: 'k', bits: 2048 })).rejects.toMatchObject({ code: 'conflict' });
    expect(finished).toEqual([expect.stringMatching(/^failed: The vault already holds a secret named "k"/)]);
    expect(secrets.secrets.map((s) => s.value)).toEqual(['theirs']);
  });
});
