import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import type { SecretProviderSetting } from '../../../main/contract/secret-providers.ts';
import { createSecretChain, type ChainVault } from '../../../main/secret-providers/chain.ts';
import { vaultErrors } from '../../../main/vault/vault-errors.ts';

const ENV_VAR = 'COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET';

function vaultWith(values: Record<string, string>, state: 'unlocked' | 'absent' | 'locked' = 'unlocked'): ChainVault & { reads: number } {
  const vault = {
    reads: 0,
    exists: () => Promise.resolve(state !== 'absent'),
    get: (environment: string, name: string) => {
      vault.reads++;
      if (state === 'locked') return Promise.reject(vaultErrors.locked());
      if (state === 'absent') return Promise.reject(vaultErrors.absent());
      const value = values[name];
      return value === undefined ? Promise.reject(vaultErrors.missing(environment, name)) : Promise.resolve(value);
    },
  };
  return vault;
}

const environment = (providers: SecretProviderSetting[]) => ({ name: 'UAT', providers, names: ['paynet.client_secret'], envProviderEnvironments: ['UAT'] });

function chainOf(vault: ChainVault, env: Record<string, string>, pass: Record<string, string> = {}) {
  const passReads: string[] = [];
  const resolve = createSecretChain({
    vault,
    env: () => env,
    readPass: (entry) => {
      passReads.push(entry);
      return Promise.resolve(pass[entry] ?? null);
    },
  });
  return { resolve, passReads };
}

describe('the provider chain', () => {
  it('asks the vault first: a vault value wins over env and pass', async () => {
    const { resolve, passReads } = chainOf(vaultWith({ 'paynet.client_secret': 'vault-value' }), { [ENV_VAR]: 'env-value' }, { 'countersign/uat/paynet.client_secret': 'pass-value' });
    const served = await resolve(environment([{ kind: 'env' }, { kind: 'pass' }]), 'UAT', 'paynet.client_secret');
    expect(served).toEqual({ value: 'vault-value', fact: { name: 'paynet.client_secret', provider: 'vault', location: null } });
    expect(passReads).toEqual([]);
  });

  it('then each provider in the order listed', async () => {
    const vault = vaultWith({});
    const pass = { 'team/uat/paynet.client_secret': 'pass-value' };
    const envFirst = chainOf(vault, { [ENV_VAR]: 'env-value' }, pass);
    expect((await envFirst.resolve(environment([{ kind: 'env' }, { kind: 'pass', prefix: 'team/uat' }]), 'UAT', 'paynet.client_secret')).fact).toEqual({
      name: 'paynet.client_secret',
      provider: 'env',
      location: ENV_VAR,
    });
    expect(envFirst.passReads).toEqual([]);
    const passFirst = chainOf(vault, { [ENV_VAR]: 'env-value' }, pass);
    const served = await passFirst.resolve(environment([{ kind: 'pass', prefix: 'team/uat' }, { kind: 'env' }]), 'UAT', 'paynet.client_secret');
    expect(served.value).toBe('pass-value');
    expect(served.fact.location).toBe('team/uat/paynet.client_secret');
  });

  it('skips an absent vault (a CI machine has none) without asking it', async () => {
    const vault = vaultWith({}, 'absent');
    const { resolve } = chainOf(vault, { [ENV_VAR]: 'env-value' });
    expect((await resolve(environment([{ kind: 'env' }]), 'UAT', 'paynet.client_secret')).value).toBe('env-value');
    expect(vault.reads).toBe(0);
  });

  it('stops at a locked vault instead of taking a value from further down', async () => {
    const { resolve } = chainOf(vaultWith({}, 'locked'), { [ENV_VAR]: 'env-value' });
    await expect(resolve(environment([{ kind: 'env' }]), 'UAT', 'paynet.client_secret')).rejects.toMatchObject({ code: 'locked' });
  });

  it('with no providers behaves as the vault alone (same errors)', async () => {
    const { resolve } = chainOf(vaultWith({}), { [ENV_VAR]: 'env-value' });
    await expect(resolve(environment([]), 'UAT', 'paynet.client_secret')).rejects.toMatchObject({ code: 'secret_missing', message: vaultErrors.missing('UAT', 'paynet.client_secret').message });
    await expect(resolve(null, 'UAT', 'paynet.client_secret')).rejects.toMatchObject({ code: 'secret_missing' });
  });

  it('names every place it looked when none has the secret', async () => {
    const { resolve } = chainOf(vaultWith({}), {});
    const error = await resolve(environment([{ kind: 'env' }, { kind: 'pass' }]), 'UAT', 'paynet.client_secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    const message = (error as ServiceError).message;
    expect((error as ServiceError).code).toBe('secret_missing');
    // The Vault screen's "Add it" still recognises the vault part.
    expect(message).toMatch(/no secret "paynet\.client_secret" in environment "UAT"\. Add it/);
    expect(message).toContain(`${ENV_VAR} is not set`);
    expect(message).toContain('pass has no entry countersign/uat/paynet.client_secret');
  });

  it('passes a provider failure on instead of moving past it', async () => {
    const resolve = createSecretChain({
      vault: vaultWith({}),
      env: () => ({ [ENV_VAR]: 'env-value' }),
      readPass: () => Promise.reject(new ServiceError('secret_provider_failed', 'pass is not installed')),
    });
    await expect(resolve(environment([{ kind: 'pass' }, { kind: 'env' }]), 'UAT', 'paynet.client_secret')).rejects.toMatchObject({ code: 'secret_provider_failed' });
  });
});
