import {
  WORKSPACE_SCHEMA_VERSION,
  type CollectionNode,
  type ContainerNode,
  type NodeId,
  type RequestNode,
  type WorkspaceDocument,
  type WorkspaceNode,
} from '../contract/workspace.ts';
import { ServiceError } from '../contract/errors.ts';

export function emptyDocument(): WorkspaceDocument {
  return { schemaVersion: WORKSPACE_SCHEMA_VERSION, collections: [], nodes: {} };
}

export function findNode(doc: WorkspaceDocument, id: NodeId): WorkspaceNode | undefined {
  return Object.hasOwn(doc.nodes, id) ? doc.nodes[id] : undefined;
}

export function requireNode(doc: WorkspaceDocument, id: NodeId): WorkspaceNode {
  const node = findNode(doc, id);
  if (!node) throw new ServiceError('not_found', `No collection, folder or request has the id "${id}".`);
  return node;
}

export function requireRequest(doc: WorkspaceDocument, id: NodeId): RequestNode {
  const node = requireNode(doc, id);
  if (node.kind !== 'request') throw new ServiceError('invalid_input', `"${node.name}" is a ${node.kind}, not a request.`);
  return node;
}

export function requireContainer(doc: WorkspaceDocument, id: NodeId): ContainerNode {
  const node = requireNode(doc, id);
  if (node.kind === 'request') throw new ServiceError('invalid_input', `"${node.name}" is a request: only a collection or a folder can hold items.`);
  return node;
}

export function requireCollection(doc: WorkspaceDocument, id: NodeId): CollectionNode {
  const node = requireNode(doc, id);
  if (node.kind !== 'collection') throw new ServiceError('invalid_input', `"${node.name}" is a ${node.kind}, not a collection.`);
  return node;
}

export function parentIdOf(node: WorkspaceNode): NodeId | null {
  return node.kind === 'collection' ? null : node.parentId;
}

/** The ids in a container's child list, or the workspace's collection list for null. */
export function siblingsOf(doc: WorkspaceDocument, parentId: NodeId | null): NodeId[] {
  return parentId === null ? doc.collections : requireContainer(doc, parentId).children;
}

/** The node, then its parent, up to its collection. */
export function* ancestry(doc: WorkspaceDocument, id: NodeId): Generator<WorkspaceNode> {
  let current = findNode(doc, id);
  // A bound on the walk guards against a hand-edited file with a parent cycle.
  for (let depth = 0; current && depth < 10_000; depth++) {
    yield current;
    const parentId = parentIdOf(current);
    current = parentId === null ? undefined : findNode(doc, parentId);
  }
}

export function collectionOf(doc: WorkspaceDocument, id: NodeId): CollectionNode {
  for (const node of ancestry(doc, id)) if (node.kind === 'collection') return node;
  throw new ServiceError('not_found', `The item "${id}" belongs to no collection.`);
}

/** Every id in the subtree rooted at `id`, the root first. */
export function subtreeIds(doc: WorkspaceDocument, id: NodeId): NodeId[] {
  const out: NodeId[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    const node = findNode(doc, next);
    if (!node) continue;
    out.push(next);
    if (node.kind !== 'request') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] ?? '');
  }
  return out;
}
