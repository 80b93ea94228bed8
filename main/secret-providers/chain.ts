import { ServiceError } from '../contract/errors.ts';
import type { SecretProviderSetting, SecretSourceFact } from '../contract/secret-providers.ts';
import { vaultErrors } from '../vault/vault-errors.ts';
import { secretVariableName } from './env-names.ts';
import { readEnvSecret, type ProcessEnvironment } from './env-provider.ts';
import { defaultPassPrefix, passEntryName } from './pass-entry.ts';
import { readPassSecret } from './pass-provider.ts';

/** The vault as the chain asks it: whether it exists, and its value (after the door's unlock, when it has one). */
export type ChainVault = {
  exists(): Promise<boolean>;
  /** Rejects with the vault's own error (locked, missing, damaged). */
  get(environment: string, name: string): Promise<string>;
};

/** What the chain needs to know of the environment being sent. */
export type ChainEnvironment = {
  name: string;
  providers: readonly SecretProviderSetting[];
  /** The secret names this environment declares (for the env provider's ambiguity check). */
  names: readonly string[];
  /** Other environments that read variables too (same check). */
  envProviderEnvironments: readonly string[];
};

export type ChainDeps = {
  vault: ChainVault;
  env: () => ProcessEnvironment;
  /** Replaceable in tests. */
  readPass?: (entry: string, env: ProcessEnvironment) => Promise<string | null>;
};

export type Served = { value: string; fact: SecretSourceFact };

/** Where a provider looks for `name`: the variable or the pass entry. */
export function locationOf(provider: SecretProviderSetting, environment: string, name: string): string {
  return provider.kind === 'env' ? secretVariableName(environment, name) : passEntryName(provider.prefix ?? defaultPassPrefix(environment), name);
}

/**
 * Resolves one secret through the environment's chain: the vault first, then
 * each provider in order. "Not here" moves on; any other failure (locked
 * vault, damaged vault, pass not installed, a key that cannot decrypt) stops
 * the chain with its own error, so a value is never silently taken from
 * further down because something above was broken. With no providers the
 * vault answers exactly as it always did.
 */
export function createSecretChain(deps: ChainDeps) {
  const readPass = deps.readPass ?? ((entry: string, env: ProcessEnvironment) => readPassSecret(entry, { env }));

  const fromVault = async (environment: string, name: string): Promise<Served> => ({
    value: await deps.vault.get(environment, name),
    fact: { name, provider: 'vault', location: null },
  });

  return async function resolve(environment: ChainEnvironment | null, environmentName: string, name: string): Promise<Served> {
    const providers = environment?.providers ?? [];
    if (providers.length === 0) return fromVault(environmentName, name);
    let vaultAbsent = false;
    // An absent vault (a CI machine that has none) is simply a provider with nothing in it.
    if (await deps.vault.exists()) {
      try {
        return await fromVault(environmentName, name);
      } catch (error) {
        if (!(error instanceof ServiceError && error.code === 'secret_missing')) throw error;
      }
    } else vaultAbsent = true;
    const env = deps.env();
    const misses: string[] = [];
    for (const provider of providers) {
      if (provider.kind === 'env') {
        const found = readEnvSecret(env, { environment: environmentName, names: environment?.names ?? [], environments: environment?.envProviderEnvironments ?? [] }, name);
        if (found) return { value: found.value, fact: { name, provider: 'env', location: found.variable } };
        misses.push(`${secretVariableName(environmentName, name)} is not set`);
      } else {
        const entry = locationOf(provider, environmentName, name);
        const value = await readPass(entry, env);
        if (value !== null) return { value, fact: { name, provider: 'pass', location: entry } };
        misses.push(`pass has no entry ${entry}`);
      }
    }
    const vaultPart = vaultAbsent ? `There is no vault, so it has no secret "${name}" in environment "${environmentName}"` : vaultErrors.missing(environmentName, name).message.replace(/\.$/, '');
    throw new ServiceError('secret_missing', `${vaultPart}; and ${misses.join(', ')}. Add it to one of them.`);
  };
}

export type SecretChain = ReturnType<typeof createSecretChain>;
