import { ServiceError } from '../contract/errors.ts';
import type { Flow } from '../contract/flow-model.ts';
import type { CollectionNode, NodeId, WorkspaceDocument } from '../contract/workspace.ts';
import { requireCollection } from './document.ts';

/** Flows are kept on their collection; steps name requests of that collection by id. */

export function requireFlow(doc: WorkspaceDocument, collectionId: NodeId, flowId: string): { collection: CollectionNode; flow: Flow } {
  const collection = requireCollection(doc, collectionId);
  const flow = collection.flows.find((candidate) => candidate.id === flowId);
  if (!flow) throw new ServiceError('not_found', `"${collection.name}" has no flow with the id "${flowId}".`);
  return { collection, flow };
}

/** True when the request sits anywhere under the collection. */
export function isRequestOf(doc: WorkspaceDocument, collection: CollectionNode, requestId: NodeId): boolean {
  let node = doc.nodes[requestId];
  if (node?.kind !== 'request') return false;
  while (node !== undefined && node.kind !== 'collection') node = doc.nodes[node.parentId];
  return node?.id === collection.id;
}

/** Checks what the schema cannot: steps name requests of this collection, ids and names are unique. */
export function checkFlow(doc: WorkspaceDocument, collection: CollectionNode, flow: Flow): void {
  const stepIds = new Set<string>();
  for (const [index, step] of flow.steps.entries()) {
    const label = `Step ${String(index + 1)}${step.name ? ` ("${step.name}")` : ''}`;
    if (stepIds.has(step.id)) throw new ServiceError('invalid_input', `${label} repeats the step id "${step.id}".`, [{ path: `flow.steps.${String(index)}.id`, message: 'Step ids must be unique.' }]);
    stepIds.add(step.id);
    if (step.kind === 'request' && !isRequestOf(doc, collection, step.requestId)) {
      throw new ServiceError('invalid_input', `${label} names a request that is not in "${collection.name}".`, [
        { path: `flow.steps.${String(index)}.requestId`, message: 'Pick a request of this collection.' },
      ]);
    }
  }
  const names = new Set<string>();
  for (const variable of flow.variables) {
    if (names.has(variable.name)) throw new ServiceError('invalid_input', `The flow defines the variable "${variable.name}" twice.`);
    names.add(variable.name);
    if (/\{\{\s*secret:/.test(variable.value)) {
      throw new ServiceError('invalid_input', `The variable "${variable.name}" reads a secret: flow variables are shown in the runner, so they cannot hold secrets. Use {{secret:...}} in the request itself.`);
    }
  }
  const sameName = collection.flows.find((other) => other.id !== flow.id && other.name.trim().toLowerCase() === flow.name.trim().toLowerCase());
  if (sameName) throw new ServiceError('conflict', `"${collection.name}" already has a flow named "${flow.name}".`, [{ path: 'flow.name', message: 'Flow names are unique in a collection.' }]);
}

/** Replaces the flow with the same id, or adds it at the end. */
export function saveFlow(doc: WorkspaceDocument, collectionId: NodeId, flow: Flow): Flow {
  const collection = requireCollection(doc, collectionId);
  checkFlow(doc, collection, flow);
  const index = collection.flows.findIndex((candidate) => candidate.id === flow.id);
  if (index >= 0) collection.flows[index] = flow;
  else collection.flows.push(flow);
  return flow;
}

export function deleteFlow(doc: WorkspaceDocument, collectionId: NodeId, flowId: string): void {
  const { collection } = requireFlow(doc, collectionId, flowId);
  collection.flows = collection.flows.filter((flow) => flow.id !== flowId);
}
