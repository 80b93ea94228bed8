import { AsyncLocalStorage } from 'node:async_hooks';
import type { SecretSourceFact } from '../contract/secret-providers.ts';
import type { Environment, WorkspaceDocument } from '../contract/workspace.ts';
import type { ChainEnvironment, Served } from './chain.ts';
import { withProviderHint } from './host-hint.ts';

/** One send's secret reads: its environment's chain, which provider served each name, and reads in progress. */
export type SendSecrets = {
  environment: ChainEnvironment | null;
  served: Map<string, SecretSourceFact>;
  pending: Map<string, Promise<Served>>;
};

export const sendSecretKey = (environment: string, name: string): string => `${environment}\u0000${name}`;

/**
 * Carries the environment being sent into the secret source: signing asks
 * for `{{secret:name}}` by environment name only, while the provider chain is
 * set on one collection's environment. AsyncLocalStorage follows the send
 * through every await (token fetch, network settings, redirects) without
 * threading a parameter through the signer.
 */
export function createSendScope(document: () => WorkspaceDocument) {
  const storage = new AsyncLocalStorage<SendSecrets>();
  return {
    current: (): SendSecrets | undefined => storage.getStore(),
    /** Runs one send (or sign, or curl) with its environment's chain; returns which provider served each secret, by name. */
    async run<T>(environmentId: string, work: () => Promise<T>): Promise<{ result: T; sources: SecretSourceFact[] }> {
      const scope: SendSecrets = { environment: chainEnvironment(document(), environmentId), served: new Map(), pending: new Map() };
      let result: T;
      try {
        result = await storage.run(scope, work);
      } catch (error) {
        throw withProviderHint(error, scope.served.values());
      }
      const sources = [...scope.served.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { result, sources };
    },
  };
}

export type SendScope = ReturnType<typeof createSendScope>;

/** The environment with this id, as the chain needs it; null when it is not (or no longer) in the workspace. */
export function chainEnvironment(doc: WorkspaceDocument, environmentId: string): ChainEnvironment | null {
  let found: Environment | undefined;
  const envReaders = new Set<string>();
  for (const id of doc.collections) {
    const collection = doc.nodes[id];
    if (collection?.kind !== 'collection') continue;
    for (const env of collection.environments) {
      if (env.id === environmentId) found = env;
      if (env.secretProviders?.some((provider) => provider.kind === 'env')) envReaders.add(env.name);
    }
  }
  if (!found) return null;
  return { name: found.name, providers: found.secretProviders ?? [], names: found.secrets, envProviderEnvironments: [...envReaders] };
}
