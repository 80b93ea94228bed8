import { ServiceError } from '../../contract/errors.ts';
import type { Flow, FlowStep } from '../../contract/flow-model.ts';
import type { CollectionNode, NodeId, WorkspaceDocument } from '../../contract/workspace.ts';
import type { IdSource } from '../ids.ts';
import type { ExportedFlow, ExportedFlowStep } from './format.ts';

/**
 * Flow steps name requests by id inside the workspace and by path of names in
 * a file (ids are made afresh on import). A path is the folder names from the
 * collection down, then the request's name.
 */

export function requestPath(doc: WorkspaceDocument, collection: CollectionNode, requestId: NodeId): string[] {
  const path: string[] = [];
  let node = doc.nodes[requestId];
  while (node !== undefined && node.kind !== 'collection') {
    path.unshift(node.name);
    node = doc.nodes[node.parentId];
  }
  if (node?.id !== collection.id) throw new ServiceError('failed', `A flow of "${collection.name}" names a request outside the collection.`);
  return path;
}

/** The first request at that path (names are not unique in a tree; the first in sidebar order wins). */
export function findRequestByPath(doc: WorkspaceDocument, collection: CollectionNode, path: readonly string[]): NodeId | undefined {
  let children = collection.children;
  for (const [depth, name] of path.entries()) {
    const last = depth === path.length - 1;
    const match = children.map((id) => doc.nodes[id]).find((node) => node !== undefined && node.name === name && (last ? node.kind === 'request' : node.kind === 'folder'));
    if (match === undefined) return undefined;
    if (last) return match.id;
    if (match.kind !== 'folder') return undefined;
    children = match.children;
  }
  return undefined;
}

export function exportFlow(doc: WorkspaceDocument, collection: CollectionNode, flow: Flow): ExportedFlow {
  const steps = flow.steps.map((step): ExportedFlowStep => {
    // Ids are the workspace's own: the file names requests by path and importing makes new step ids.
    if (step.kind === 'callback') return { kind: 'callback', name: step.name, match: step.match, timeoutSeconds: step.timeoutSeconds, captures: step.captures };
    return {
      kind: 'request',
      name: step.name,
      request: requestPath(doc, collection, step.requestId),
      captures: step.captures,
      ...(step.poll ? { poll: step.poll } : {}),
      saveToFile: step.saveToFile,
      requireSuccess: step.requireSuccess,
    };
  });
  return { name: flow.name, description: flow.description, variables: flow.variables, steps };
}

/** Call after the collection's requests are in the document. */
export function importFlow(doc: WorkspaceDocument, collection: CollectionNode, ids: IdSource, draft: ExportedFlow): Flow {
  const steps = draft.steps.map((step): FlowStep => {
    if (step.kind === 'callback') return { ...step, id: ids() };
    const { request, ...rest } = step;
    const requestId = findRequestByPath(doc, collection, request);
    if (requestId === undefined) {
      throw new ServiceError('invalid_input', `Flow "${draft.name}" names a request "${request.join(' / ')}" that the collection does not have.`);
    }
    return { ...rest, id: ids(), requestId };
  });
  return { id: ids(), name: draft.name, description: draft.description, variables: draft.variables, steps };
}
