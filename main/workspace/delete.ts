import { ServiceError } from '../contract/errors.ts';
import type { NodeId, WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { findNode, parentIdOf, requireNode, siblingsOf, subtreeIds } from './document.ts';

/** Everything needed to put a deleted subtree back where it was. */
export type DeletedSubtree = {
  readonly rootId: NodeId;
  readonly parentId: NodeId | null;
  readonly index: number;
  readonly nodes: readonly WorkspaceNode[];
};

export function deleteNode(doc: WorkspaceDocument, id: NodeId): DeletedSubtree {
  const root = requireNode(doc, id);
  const parentId = parentIdOf(root);
  const siblings = siblingsOf(doc, parentId);
  const index = siblings.indexOf(id);
  if (index >= 0) siblings.splice(index, 1);
  const nodes: WorkspaceNode[] = [];
  for (const nodeId of subtreeIds(doc, id)) {
    const node = findNode(doc, nodeId);
    if (node) nodes.push(node);
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the map is keyed by node id on purpose
    delete doc.nodes[nodeId];
  }
  return { rootId: id, parentId, index: Math.max(index, 0), nodes };
}

/** Puts a deleted subtree back; its old parent must still exist. */
export function restoreSubtree(doc: WorkspaceDocument, deleted: DeletedSubtree): void {
  if (deleted.parentId !== null && !findNode(doc, deleted.parentId)) {
    throw new ServiceError('conflict', 'The folder this item was deleted from no longer exists, so it cannot be restored there.');
  }
  for (const node of deleted.nodes) doc.nodes[node.id] = node;
  const siblings = siblingsOf(doc, deleted.parentId);
  siblings.splice(Math.min(deleted.index, siblings.length), 0, deleted.rootId);
}
