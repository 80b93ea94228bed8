import { ServiceError } from '../contract/errors.ts';
import type { NodeId, WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { newCollection, newFolder, newRequest } from './defaults.ts';
import { ancestry, parentIdOf, requireContainer, requireNode, siblingsOf } from './document.ts';
import type { IdSource } from './ids.ts';

export type CreateSpec =
  | { kind: 'collection'; name: string }
  | { kind: 'folder'; parentId: NodeId; name: string; index?: number | undefined }
  | { kind: 'request'; parentId: NodeId; name: string; method?: string | undefined; url?: string | undefined; index?: number | undefined };

function insertAt(list: NodeId[], id: NodeId, index: number | undefined): void {
  const at = index === undefined ? list.length : Math.min(Math.max(index, 0), list.length);
  list.splice(at, 0, id);
}

export function createNode(doc: WorkspaceDocument, ids: IdSource, spec: CreateSpec): WorkspaceNode {
  if (spec.kind === 'collection') {
    const collection = newCollection(ids, spec.name);
    doc.nodes[collection.id] = collection;
    doc.collections.push(collection.id);
    return collection;
  }
  const parent = requireContainer(doc, spec.parentId);
  const node = spec.kind === 'folder' ? newFolder(ids, parent.id, spec.name) : newRequest(ids, parent.id, spec.name, spec.method, spec.url);
  doc.nodes[node.id] = node;
  insertAt(parent.children, node.id, spec.index);
  return node;
}

export function renameNode(doc: WorkspaceDocument, id: NodeId, name: string): WorkspaceNode {
  const node = requireNode(doc, id);
  node.name = name;
  return node;
}

/**
 * Moves an item to another folder or collection (or a collection within the
 * workspace list), at `index` among its new siblings or at the end.
 */
export function moveNode(doc: WorkspaceDocument, id: NodeId, parentId: NodeId | null, index?: number): void {
  const node = requireNode(doc, id);
  if (node.kind === 'collection') {
    if (parentId !== null) throw new ServiceError('invalid_input', `"${node.name}" is a collection: it cannot go inside another item.`);
  } else {
    if (parentId === null) throw new ServiceError('invalid_input', `"${node.name}" must stay inside a collection or a folder.`);
    const target = requireContainer(doc, parentId);
    for (const above of ancestry(doc, target.id)) {
      if (above.id === id) throw new ServiceError('invalid_input', `"${node.name}" cannot be moved into itself or one of its own folders.`);
    }
  }
  const from = siblingsOf(doc, parentIdOf(node));
  const oldIndex = from.indexOf(id);
  if (oldIndex >= 0) from.splice(oldIndex, 1);
  const to = siblingsOf(doc, parentId);
  insertAt(to, id, index);
  if (node.kind !== 'collection' && parentId !== null) node.parentId = parentId;
}

/** Replaces a child list by a permutation of itself. */
export function reorderChildren(doc: WorkspaceDocument, parentId: NodeId | null, order: readonly NodeId[]): void {
  const list = siblingsOf(doc, parentId);
  const current = new Set(list);
  const proposed = new Set(order);
  const same = order.length === list.length && proposed.size === order.length && order.every((id) => current.has(id));
  if (!same) throw new ServiceError('conflict', 'The new order must list exactly the current items; the tree changed meanwhile, reload it.');
  list.splice(0, list.length, ...order);
}
