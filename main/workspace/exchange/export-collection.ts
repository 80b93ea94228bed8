import { ServiceError } from '../../contract/errors.ts';
import type { NodeId, WorkspaceDocument } from '../../contract/workspace.ts';
import { requireCollection, requireNode } from '../document.ts';
import { literalSecretFields } from '../secret-fields.ts';
import { COLLECTION_FORMAT, COLLECTION_FORMAT_VERSION, PLAIN_BODIES_COLLECTION_VERSION, type CollectionFile, type ExportedItem } from './format.ts';
import { exportFlow } from './flow-paths.ts';
import { slug } from './secret-names.ts';

function exportItem(doc: WorkspaceDocument, id: NodeId): ExportedItem {
  const node = requireNode(doc, id);
  if (node.kind === 'collection') throw new ServiceError('internal', 'A collection cannot sit inside another one.');
  const auth = node.auth;
  if (auth.mode === 'chain' && literalSecretFields(auth.steps).length > 0) {
    throw new ServiceError('failed', `"${node.name}" holds a typed-in secret; move it to the vault before exporting.`);
  }
  const description = node.description === undefined ? {} : { description: node.description };
  if (node.kind === 'folder') {
    return { type: 'folder', name: node.name, ...description, auth, items: node.children.map((child) => exportItem(doc, child)) };
  }
  return {
    type: 'request',
    name: node.name,
    ...description,
    method: node.method,
    url: node.url,
    params: node.params,
    headers: node.headers,
    body: node.body,
    auth,
    ...(node.settings === undefined ? {} : { settings: node.settings }),
    ...(node.assertions === undefined || node.assertions.length === 0 ? {} : { assertions: node.assertions }),
  };
}

function readsFiles(items: readonly ExportedItem[]): boolean {
  return items.some((item) => (item.type === 'folder' ? readsFiles(item.items) : item.body.kind === 'multipart' || item.body.kind === 'binary'));
}

/** The `countersign.collection` document for one collection: vault names only, never values. */
export function exportCollection(doc: WorkspaceDocument, collectionId: NodeId, now: Date): CollectionFile {
  const collection = requireCollection(doc, collectionId);
  if (collection.auth.mode === 'chain' && literalSecretFields(collection.auth.steps).length > 0) {
    throw new ServiceError('failed', `"${collection.name}" holds a typed-in secret; move it to the vault before exporting.`);
  }
  const items = collection.children.map((child) => exportItem(doc, child));
  return {
    format: COLLECTION_FORMAT,
    // The lowest version that can carry it: a colleague on the release before file bodies can still import the rest.
    version: readsFiles(items) ? COLLECTION_FORMAT_VERSION : PLAIN_BODIES_COLLECTION_VERSION,
    exportedAt: now.toISOString(),
    collection: {
      name: collection.name,
      ...(collection.description === undefined ? {} : { description: collection.description }),
      auth: collection.auth,
      environments: collection.environments.map((env) => ({
        name: env.name,
        protected: env.protected,
        variables: env.variables,
        secrets: env.secrets,
        ...(env.builtInSandbox === true ? { builtInSandbox: true } : {}),
        ...(env.network === undefined ? {} : { network: env.network }),
        ...(env.secretProviders === undefined ? {} : { secretProviders: env.secretProviders }),
      })),
      flows: collection.flows.map((flow) => exportFlow(doc, collection, flow)),
      items,
    },
  };
}

/** The file text (pretty, stable key order from the builders above) and a suggested file name. */
export function exportCollectionText(doc: WorkspaceDocument, collectionId: NodeId, now: Date): { fileName: string; text: string } {
  const file = exportCollection(doc, collectionId, now);
  return { fileName: `${slug(file.collection.name, 'collection')}.countersign.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}
