import type { NodeId, WorkspaceDocument } from '../contract/workspace.ts';
import { emptyDocument } from './document.ts';
import { newCollection, newFolder, newRequest } from './defaults.ts';
import { sequentialIds } from './ids.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const NOUNS = ['payment', 'refund', 'invoice', 'report', 'token', 'customer', 'mandate', 'payout'] as const;

export type GenerateOptions = { requests: number; collections: number; foldersPerCollection: number };

/**
 * A deterministic large workspace for the filter tests and the load
 * benchmark: requests spread evenly over folders, varied names and URLs.
 */
export function generateWorkspace(options: GenerateOptions): WorkspaceDocument {
  const ids = sequentialIds('g');
  const doc = emptyDocument();
  const folders: NodeId[] = [];
  for (let c = 0; c < options.collections; c++) {
    const collection = newCollection(ids, `Collection ${String(c)}`);
    doc.nodes[collection.id] = collection;
    doc.collections.push(collection.id);
    for (let f = 0; f < options.foldersPerCollection; f++) {
      const folder = newFolder(ids, collection.id, `Folder ${String(c)}-${String(f)}`);
      doc.nodes[folder.id] = folder;
      collection.children.push(folder.id);
      folders.push(folder.id);
    }
  }
  for (let r = 0; r < options.requests; r++) {
    const folderId = folders[r % folders.length] ?? '';
    const folder = doc.nodes[folderId];
    if (folder?.kind !== 'folder') continue;
    const noun = NOUNS[r % NOUNS.length] ?? 'item';
    const method = METHODS[r % METHODS.length] ?? 'GET';
    const request = newRequest(ids, folderId, `${noun}-${String(r).padStart(5, '0')}`, method, `{{baseUrl}}/v1/${noun}s/${String(r)}`);
    request.headers = [{ name: 'Accept', value: 'application/json', enabled: true }];
    if (method !== 'GET') request.body = { kind: 'json', text: `{"id":${String(r)},"note":"generated"}` };
    doc.nodes[request.id] = request;
    folder.children.push(request.id);
  }
  return doc;
}
