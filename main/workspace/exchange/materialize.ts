import type { CollectionNode, NodeId, WorkspaceDocument } from '../../contract/workspace.ts';
import type { SecretToStore } from '../import-result.ts';
import type { AuthSetting } from '../../contract/workspace.ts';
import { DEFAULT_ENVIRONMENTS } from '../defaults.ts';
import type { IdSource } from '../ids.ts';
import { extractSecrets, secretNamesInUse } from '../secret-fields.ts';
import { importFlow } from './flow-paths.ts';
import type { ExportedCollection, ExportedEnvironment, ExportedItem } from './format.ts';
import { secretNamer, slug } from './secret-names.ts';

export type Materialized = {
  collection: CollectionNode;
  requests: number;
  folders: number;
  /** Typed-in secrets found in the draft, moved out and replaced by `{{secret:name}}`. */
  secretsToStore: SecretToStore[];
};

/**
 * Adds a nested draft (a parsed export file or a converted Postman
 * collection) to the workspace with fresh ids. Any secret value in an auth
 * config is taken out for the vault: the workspace only keeps its name.
 */
export function materializeCollection(doc: WorkspaceDocument, ids: IdSource, draft: ExportedCollection): Materialized {
  const secretsToStore: SecretToStore[] = [];
  const nameFor = secretNamer(slug(draft.name), secretNamesInUse(doc));
  const stripSecrets = (auth: AuthSetting): AuthSetting =>
    auth.mode === 'chain' ? { mode: 'chain', steps: auth.steps.map((step) => extractSecrets(step, (field) => nameFor(`${step.type}_${field}`), secretsToStore)) } : auth;
  let requests = 0;
  let folders = 0;

  const addItems = (items: readonly ExportedItem[], parentId: NodeId): NodeId[] =>
    items.map((item) => {
      const id = ids();
      if (item.type === 'request') {
        requests++;
        doc.nodes[id] = {
          kind: 'request',
          id,
          parentId,
          name: item.name,
          ...(item.description === undefined ? {} : { description: item.description }),
          method: item.method,
          url: item.url,
          params: item.params,
          headers: item.headers,
          body: item.body,
          auth: stripSecrets(item.auth),
          ...(item.settings === undefined ? {} : { settings: item.settings }),
          ...(item.assertions === undefined || item.assertions.length === 0 ? {} : { assertions: item.assertions }),
        };
      } else {
        folders++;
        const folder = {
          kind: 'folder' as const,
          id,
          parentId,
          name: item.name,
          ...(item.description === undefined ? {} : { description: item.description }),
          auth: stripSecrets(item.auth),
          children: [] as NodeId[],
        };
        doc.nodes[id] = folder;
        folder.children = addItems(item.items, id);
      }
      return id;
    });

  const environments: ExportedEnvironment[] =
    draft.environments.length > 0 ? draft.environments : DEFAULT_ENVIRONMENTS.map((env) => ({ ...env, variables: [], secrets: [] }));
  const collection: CollectionNode = {
    kind: 'collection',
    id: ids(),
    name: draft.name,
    ...(draft.description === undefined ? {} : { description: draft.description }),
    auth: stripSecrets(draft.auth),
    children: [],
    environments: environments.map((env) => ({
      id: ids(),
      name: env.name,
      protected: env.protected,
      variables: env.variables,
      secrets: env.secrets,
      ...(env.builtInSandbox === true ? { builtInSandbox: true } : {}),
      ...(env.network === undefined ? {} : { network: env.network }),
      ...(env.secretProviders === undefined || env.secretProviders.length === 0 ? {} : { secretProviders: env.secretProviders }),
    })),
    flows: [],
  };
  doc.nodes[collection.id] = collection;
  doc.collections.push(collection.id);
  collection.children = addItems(draft.items, collection.id);
  collection.flows = draft.flows.map((flow) => importFlow(doc, collection, ids, flow));
  // Each environment should list the vault names its requests now reference.
  const names = secretsToStore.map((secret) => secret.name);
  for (const env of collection.environments) env.secrets = [...new Set([...env.secrets, ...names])];
  return { collection, requests, folders, secretsToStore };
}
