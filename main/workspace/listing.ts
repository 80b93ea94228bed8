import type { TreeEntry, TreeListing, WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { subtreeIds } from './document.ts';

function entryOf(node: WorkspaceNode): TreeEntry {
  if (node.kind === 'request') {
    return { id: node.id, kind: 'request', name: node.name, parentId: node.parentId, method: node.method, url: node.url };
  }
  return { id: node.id, kind: node.kind, name: node.name, parentId: node.kind === 'folder' ? node.parentId : null, children: [...node.children] };
}

/** The sidebar's view: every item in tree order, names and shape only (no bodies, headers or auth). */
export function listTree(doc: WorkspaceDocument): TreeListing {
  const entries: TreeEntry[] = [];
  for (const collectionId of doc.collections) {
    for (const id of subtreeIds(doc, collectionId)) {
      const node = doc.nodes[id];
      if (node) entries.push(entryOf(node));
    }
  }
  return { collections: [...doc.collections], entries };
}
