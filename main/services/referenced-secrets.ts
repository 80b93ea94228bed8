import type { EnvironmentReferences, ReferencedSecret } from '../contract/referenced-secrets.ts';
import type { Environment, WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { secretNamesIn } from '../keys/key-references.ts';
import { servingProvider, type SecretLookupDeps } from '../secret-providers/serving-provider.ts';

export type ReferencedSecretsDeps = SecretLookupDeps;

/**
 * Per environment name (the vault's key), every secret name the collections
 * that have that environment refer to, and whether the vault or one of the
 * environment's providers would serve it now. Nothing is decrypted: the vault
 * is asked for names, the env provider whether its variable is set, pass
 * whether the entry's file exists.
 */
export async function referencedSecrets(deps: ReferencedSecretsDeps, only?: string): Promise<{ environments: EnvironmentReferences[] }> {
  const doc = deps.document();
  const env = deps.env();
  // environment name -> secret name -> what we know so far
  const found = new Map<string, Map<string, ReferencedSecret>>();
  const vaultCache = new Map<string, string[] | null>();
  const vaultNamesOf = async (environment: string) => {
    if (!vaultCache.has(environment)) vaultCache.set(environment, await deps.vaultNames(environment));
    return vaultCache.get(environment) ?? null;
  };

  for (const id of doc.collections) {
    const collection = doc.nodes[id];
    if (collection?.kind !== 'collection') continue;
    const treeNames = namesInTree(doc, collection);
    for (const environment of collection.environments) {
      if (only !== undefined && environment.name !== only) continue;
      const names = new Set([...treeNames, ...namesOfEnvironment(environment)]);
      const byName = found.get(environment.name) ?? new Map<string, ReferencedSecret>();
      found.set(environment.name, byName);
      const inVault = await vaultNamesOf(environment.name);
      for (const name of names) {
        const here = servingProvider(environment, name, inVault, env);
        const known = byName.get(name);
        if (!known) {
          byName.set(name, { name, collections: [collection.name], ...here });
          continue;
        }
        if (!known.collections.includes(collection.name)) known.collections.push(collection.name);
        // Two collections may list different providers: the name counts as served only where every one of them is served.
        if (rank(here.state) > rank(known.state)) Object.assign(known, here);
      }
    }
  }

  return {
    environments: [...found]
      .map(([environment, byName]) => ({
        environment,
        secrets: [...byName.values()].map((s) => ({ ...s, collections: s.collections.sort() })).sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => a.environment.localeCompare(b.environment)),
  };
}

const rank = (state: ReferencedSecret['state']) => (state === 'present' ? 0 : state === 'unknown' ? 1 : 2);

/**
 * Every `{{secret:name}}` in the collection's own settings, its folders,
 * requests and flows: one walk over every string, so a field nobody listed
 * (a header, a body, a flow step) counts like an auth field. The
 * environments are left out here: each is read on its own.
 */
function namesInTree(doc: WorkspaceDocument, collection: WorkspaceNode & { kind: 'collection' }): Set<string> {
  const names = new Set<string>();
  collectTemplates({ ...collection, environments: [] }, names);
  const pending = [...collection.children];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = doc.nodes[id];
    if (!node) continue;
    collectTemplates(node, names);
    if (node.kind === 'folder') pending.push(...node.children);
  }
  return names;
}

/** The environment's declared list, templates in its variables, and the network settings' vault names (fields ending in "Secret"). */
function namesOfEnvironment(environment: Environment): Set<string> {
  const names = new Set<string>(environment.secrets);
  collectTemplates(environment.variables, names);
  collectNamedFields(environment.network, names);
  return names;
}

function collectTemplates(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    for (const name of secretNamesIn(value)) into.add(name);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTemplates(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectTemplates(item, into);
  }
}

function collectNamedFields(value: unknown, into: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && key.endsWith('Secret') && item !== '') into.add(item);
    else collectNamedFields(item, into);
  }
}
