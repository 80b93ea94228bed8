import { isDeepStrictEqual } from 'node:util';
import type { NodeId, WorkspaceDocument } from '../../contract/workspace.ts';

/** Which items a reload changed (added or edited) and which it removed; a collection counts as changed when its order does. */
export function changedIds(before: WorkspaceDocument, after: WorkspaceDocument): { changed: NodeId[]; removed: NodeId[]; reordered: boolean } {
  const changed: NodeId[] = [];
  for (const [id, node] of Object.entries(after.nodes)) if (!Object.hasOwn(before.nodes, id) || !isDeepStrictEqual(before.nodes[id], node)) changed.push(id);
  const removed = Object.keys(before.nodes).filter((id) => !Object.hasOwn(after.nodes, id));
  return { changed, removed, reordered: !isDeepStrictEqual(before.collections, after.collections) };
}
