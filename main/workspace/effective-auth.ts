import type { AuthChain } from '../contract/auth.ts';
import type { NodeId, WorkspaceDocument } from '../contract/workspace.ts';
import { ancestry, requireNode } from './document.ts';

export type ResolvedAuth = {
  readonly steps: AuthChain;
  /** The item whose auth applies (the request itself, a folder or the collection); null when nothing up the tree sets one. */
  readonly sourceId: NodeId | null;
};

/**
 * The auth a request is sent with: its own unless it inherits, else the
 * nearest folder's, else the collection's. `none` anywhere on the way stops
 * the walk with no auth.
 */
export function resolveAuth(doc: WorkspaceDocument, id: NodeId): ResolvedAuth {
  requireNode(doc, id);
  for (const node of ancestry(doc, id)) {
    if (node.auth.mode === 'none') return { steps: [], sourceId: node.id };
    if (node.auth.mode === 'chain') return { steps: node.auth.steps, sourceId: node.id };
  }
  return { steps: [], sourceId: null };
}

export function effectiveAuth(doc: WorkspaceDocument, requestId: NodeId): AuthChain {
  return resolveAuth(doc, requestId).steps;
}
