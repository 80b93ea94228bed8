import type { SecretProviderKind, SecretProviderSetting } from '../contract/secret-providers.ts';
import type { WorkspaceDocument } from '../contract/workspace.ts';
import { locationOf } from './chain.ts';
import type { ProcessEnvironment } from './env-provider.ts';
import { passEntryExists } from './pass-provider.ts';

/** What every name-only lookup (providers overview, referenced secrets, a variable's hover) reads: nothing is decrypted. */
export type SecretLookupDeps = {
  document: () => WorkspaceDocument;
  /** Names the vault holds in an environment; null while it is locked (an absent vault holds none). */
  vaultNames: (environment: string) => Promise<string[] | null>;
  env: () => ProcessEnvironment;
};

/** What a lookup needs of an environment: its name (the vault's key) and its providers in order. */
export type LookupEnvironment = { name: string; secretProviders?: readonly SecretProviderSetting[] | undefined };

/** Who would serve a secret now, and where it looks (null for the vault); unserved: state missing, or unknown while the vault is locked. */
export type SecretServing =
  | { state: 'present'; provider: SecretProviderKind; location: string | null }
  | { state: 'missing' | 'unknown'; provider: null; location: null };

/**
 * Which provider would serve `name` in `environment` now, asked in the
 * chain's order (main/secret-providers/chain.ts): the vault, then each
 * provider. Nothing is read: the vault is asked for names (`vaultNames`,
 * null while it is locked), the env provider whether its variable is set,
 * pass whether the entry's file exists. While the vault is locked a
 * provider further down is still named: it is what would serve the name if
 * the vault does not hold it.
 */
export function servingProvider(environment: LookupEnvironment, name: string, vaultNames: readonly string[] | null, env: ProcessEnvironment): SecretServing {
  if (vaultNames?.includes(name)) return { state: 'present', provider: 'vault', location: null };
  for (const provider of environment.secretProviders ?? []) {
    let location: string;
    try {
      location = locationOf(provider, environment.name, name);
    } catch {
      // A name the provider cannot spell (no valid variable or entry name): it cannot serve it.
      continue;
    }
    const here = provider.kind === 'env' ? (env[location] ?? '') !== '' : passEntryExists(env, location);
    if (here) return { state: 'present', provider: provider.kind, location };
  }
  return { state: vaultNames === null ? 'unknown' : 'missing', provider: null, location: null };
}
