import type { EnvironmentProviders } from '../contract/secret-providers.ts';
import { variablePattern } from './env-names.ts';
import { defaultPassPrefix } from './pass-entry.ts';
import { servingProvider, type SecretLookupDeps } from './serving-provider.ts';

export type OverviewDeps = SecretLookupDeps & {
  passInstalled: () => Promise<boolean>;
};

/**
 * Per environment: its providers, where each looks, and for each secret it
 * declares which provider would serve it now. Nothing is decrypted: the vault
 * is asked for names, the env provider whether a variable is set, pass
 * whether the entry's file exists.
 */
export async function secretProvidersOverview(deps: OverviewDeps, only?: string): Promise<{ environments: EnvironmentProviders[] }> {
  const doc = deps.document();
  const env = deps.env();
  let passChecked: boolean | undefined;
  const environments: EnvironmentProviders[] = [];
  for (const id of doc.collections) {
    const collection = doc.nodes[id];
    if (collection?.kind !== 'collection') continue;
    for (const environment of collection.environments) {
      if (only !== undefined && environment.name !== only) continue;
      const providers = environment.secretProviders ?? [];
      const notes: string[] = [];
      const vaultNames = await deps.vaultNames(environment.name);
      if (vaultNames === null) notes.push('The vault is locked: which names it holds is not known until it is unlocked.');
      if (providers.some((provider) => provider.kind === 'pass')) {
        passChecked ??= await deps.passInstalled();
        if (!passChecked) notes.push('pass is not installed (no "pass" on PATH): its entries cannot be read.');
      }
      const names = [...new Set([...environment.secrets, ...(vaultNames ?? [])])].sort();
      const secrets = names.map((name) => {
        // While the vault is locked a name it may hold is not attributed to a provider further down.
        const serving = vaultNames === null ? null : servingProvider(environment, name, vaultNames, env);
        return { name, provider: serving?.provider ?? null, location: serving?.location ?? null };
      });
      environments.push({
        collectionId: collection.id,
        collectionName: collection.name,
        environmentId: environment.id,
        environmentName: environment.name,
        providers,
        lookups: [
          { provider: 'vault', where: `the vault, environment "${environment.name}"` },
          ...providers.map((provider) =>
            provider.kind === 'env'
              ? { provider: 'env' as const, where: variablePattern(environment.name) }
              : { provider: 'pass' as const, where: `pass ${provider.prefix ?? defaultPassPrefix(environment.name)}/<name>` },
          ),
        ],
        secrets,
        notes,
      });
    }
  }
  return { environments };
}
