import type { FilterResult, NodeId, WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { findNode } from './document.ts';

type Cached = { name: string; url: string; method: string; text: string };

// Lower-cased search text per node, kept until the node's name, URL or method
// changes, so a keystroke does not lower-case 10,000 strings again.
const cache = new WeakMap<WorkspaceNode, Cached>();

function haystack(node: WorkspaceNode): string {
  const url = node.kind === 'request' ? node.url : '';
  const method = node.kind === 'request' ? node.method : '';
  const hit = cache.get(node);
  if (hit?.name === node.name && hit.url === url && hit.method === method) return hit.text;
  const text = (node.kind === 'request' ? `${method} ${node.name} ${url}` : node.name).toLowerCase();
  cache.set(node, { name: node.name, url, method, text });
  return text;
}

/**
 * The sidebar filter: every whitespace-separated term must appear in an
 * item's name (a request's method and URL count too). Results come in tree
 * order; `visible` adds the ancestors so each match can be shown in place.
 */
export function filterTree(doc: WorkspaceDocument, text: string): FilterResult {
  const terms = text.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
  const matches: NodeId[] = [];
  const visible: NodeId[] = [];
  const visit = (id: NodeId, path: NodeId[], shown: Set<NodeId>): void => {
    const node = findNode(doc, id);
    if (!node) return;
    const hay = haystack(node);
    if (terms.every((term) => hay.includes(term))) {
      matches.push(id);
      for (const above of path) {
        if (!shown.has(above)) {
          shown.add(above);
          visible.push(above);
        }
      }
      if (!shown.has(id)) {
        shown.add(id);
        visible.push(id);
      }
    }
    if (node.kind === 'request') return;
    path.push(id);
    for (const child of node.children) visit(child, path, shown);
    path.pop();
  };
  const shown = new Set<NodeId>();
  for (const id of doc.collections) visit(id, [], shown);
  return { matches, visible };
}
