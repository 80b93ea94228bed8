import type { Environment, NodeId, WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { parentIdOf, requireNode, siblingsOf } from './document.ts';
import type { IdSource } from './ids.ts';

function copyNode(doc: WorkspaceDocument, ids: IdSource, source: WorkspaceNode, parentId: NodeId | null): WorkspaceNode {
  const clone = structuredClone(source);
  clone.id = ids();
  if (clone.kind !== 'collection' && parentId !== null) clone.parentId = parentId;
  if (clone.kind === 'collection') clone.environments = clone.environments.map((env: Environment) => ({ ...env, id: ids() }));
  if (clone.kind !== 'request') clone.children = clone.children.map((childId) => copyNode(doc, ids, requireNode(doc, childId), clone.id).id);
  doc.nodes[clone.id] = clone;
  return clone;
}

/** A deep copy with fresh ids, placed right after the original and named "<name> copy". */
export function duplicateNode(doc: WorkspaceDocument, ids: IdSource, id: NodeId): WorkspaceNode {
  const source = requireNode(doc, id);
  const parentId = parentIdOf(source);
  const copy = copyNode(doc, ids, source, parentId);
  copy.name = `${source.name} copy`.slice(0, 200);
  const siblings = siblingsOf(doc, parentId);
  siblings.splice(siblings.indexOf(id) + 1, 0, copy.id);
  return copy;
}
