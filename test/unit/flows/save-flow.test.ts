import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import type { FlowInput } from '../../../main/contract/flow-model.ts';
import type { CollectionNode, WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { emptyDocument } from '../../../main/workspace/document.ts';
import { checkFlow, deleteFlow, isRequestOf, requireFlow, saveFlow } from '../../../main/workspace/flows.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { createNode } from '../../../main/workspace/tree-edit.ts';
import { flow } from './fakes.ts';

/** Two collections: "PayNet" with folder Reports / request "Report status" and a loose "Token"; "MoMo" with "Pay". */
function workspace() {
  const doc = emptyDocument();
  const ids = sequentialIds('n');
  const paynet = createNode(doc, ids, { kind: 'collection', name: 'PayNet' }).id;
  const reports = createNode(doc, ids, { kind: 'folder', parentId: paynet, name: 'Reports' }).id;
  const status = createNode(doc, ids, { kind: 'request', parentId: reports, name: 'Report status' }).id;
  const token = createNode(doc, ids, { kind: 'request', parentId: paynet, name: 'Token' }).id;
  const momo = createNode(doc, ids, { kind: 'collection', name: 'MoMo' }).id;
  const pay = createNode(doc, ids, { kind: 'request', parentId: momo, name: 'Pay' }).id;
  return { doc, paynet, reports, status, token, momo, pay };
}

const collection = (doc: WorkspaceDocument, id: string) => doc.nodes[id] as CollectionNode;

function refusal(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const steps = (...requestIds: string[]): FlowInput['steps'] => requestIds.map((requestId, index) => ({ kind: 'request', id: `s${String(index + 1)}`, requestId }));

describe('checkFlow and saveFlow', () => {
  it('accepts requests anywhere under the collection, folders included', () => {
    const { doc, paynet, status, token } = workspace();
    const saved = saveFlow(doc, paynet, flow(steps(token, status), { id: 'f1', name: 'Download report' }));
    expect(collection(doc, paynet).flows).toEqual([saved]);
    expect(isRequestOf(doc, collection(doc, paynet), status)).toBe(true);
  });

  it('refuses a step naming a request of another collection, or no request at all', () => {
    const { doc, paynet, token, pay, reports } = workspace();
    const error = refusal(() => saveFlow(doc, paynet, flow([{ kind: 'request', id: 'a', requestId: token }, { kind: 'request', id: 'b', name: 'Pay', requestId: pay }])));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Step 2 ("Pay") names a request that is not in "PayNet".');
    expect(error.issues).toEqual([{ path: 'flow.steps.1.requestId', message: 'Pick a request of this collection.' }]);
    expect(collection(doc, paynet).flows).toEqual([]);
    // A folder id is not a request either.
    expect(refusal(() => saveFlow(doc, paynet, flow(steps(reports)))).message).toBe('Step 1 names a request that is not in "PayNet".');
    expect(refusal(() => saveFlow(doc, paynet, flow(steps('deleted-id')))).code).toBe('invalid_input');
  });

  it('refuses repeated step ids', () => {
    const { doc, paynet, token } = workspace();
    const error = refusal(() =>
      saveFlow(doc, paynet, flow([{ kind: 'request', id: 'same', requestId: token }, { kind: 'callback', id: 'same', match: 'x', timeoutSeconds: 5 }])),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Step 2 repeats the step id "same".');
    expect(error.issues).toEqual([{ path: 'flow.steps.1.id', message: 'Step ids must be unique.' }]);
  });

  it('refuses a second flow with the same name in the collection, whatever the case and spacing', () => {
    const { doc, paynet, momo, token, pay } = workspace();
    saveFlow(doc, paynet, flow(steps(token), { id: 'f1', name: 'Download report' }));
    const error = refusal(() => saveFlow(doc, paynet, flow(steps(token), { id: 'f2', name: '  download REPORT ' })));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('"PayNet" already has a flow named "  download REPORT ".');
    expect(error.issues).toEqual([{ path: 'flow.name', message: 'Flow names are unique in a collection.' }]);
    // Another collection may use the name.
    expect(saveFlow(doc, momo, flow(steps(pay), { id: 'f2', name: 'Download report' })).name).toBe('Download report');
  });

  it('refuses a flow variable that reads a secret', () => {
    const { doc, paynet, token } = workspace();
    for (const value of ['{{secret:paynet.client_secret}}', 'Bearer {{ secret:x }}']) {
      const error = refusal(() => saveFlow(doc, paynet, flow(steps(token), { variables: [{ name: 'key', value }] })));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('The variable "key" reads a secret: flow variables are shown in the runner, so they cannot hold secrets. Use {{secret:...}} in the request itself.');
    }
    expect(saveFlow(doc, paynet, flow(steps(token), { variables: [{ name: 'callbackUrl', value: '{{$inboxUrl}}/cb' }, { name: 'id', value: '{{$uuid}}' }] })).variables).toHaveLength(2);
  });

  it('refuses a variable defined twice', () => {
    const { doc, paynet, token } = workspace();
    const error = refusal(() => saveFlow(doc, paynet, flow(steps(token), { variables: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] })));
    expect(error.message).toBe('The flow defines the variable "a" twice.');
  });

  it('replaces the flow with the same id in place, and adds a new id at the end', () => {
    const { doc, paynet, token, status } = workspace();
    saveFlow(doc, paynet, flow(steps(token), { id: 'f1', name: 'First' }));
    saveFlow(doc, paynet, flow(steps(token), { id: 'f2', name: 'Second' }));
    // Renaming a flow to its own name in other case is not a clash with itself.
    saveFlow(doc, paynet, flow(steps(token, status), { id: 'f1', name: 'FIRST' }));
    expect(collection(doc, paynet).flows.map((saved) => [saved.id, saved.name, saved.steps.length])).toEqual([
      ['f1', 'FIRST', 2],
      ['f2', 'Second', 1],
    ]);
  });

  it('finds and deletes a flow by id, and says which collection lacks it', () => {
    const { doc, paynet, token } = workspace();
    saveFlow(doc, paynet, flow(steps(token), { id: 'f1', name: 'First' }));
    expect(requireFlow(doc, paynet, 'f1').flow.name).toBe('First');
    deleteFlow(doc, paynet, 'f1');
    expect(collection(doc, paynet).flows).toEqual([]);
    const error = refusal(() => requireFlow(doc, paynet, 'f1'));
    expect([error.code, error.message]).toEqual(['not_found', '"PayNet" has no flow with the id "f1".']);
  });

  it('leaves the document alone when a check fails', () => {
    const { doc, paynet, token, pay } = workspace();
    saveFlow(doc, paynet, flow(steps(token), { id: 'f1', name: 'First' }));
    const before = JSON.stringify(doc);
    refusal(() => saveFlow(doc, paynet, flow(steps(pay), { id: 'f1', name: 'First' })));
    expect(JSON.stringify(doc)).toBe(before);
    expect(() => checkFlow(doc, collection(doc, paynet), flow(steps(token), { id: 'f1' }))).not.toThrow();
  });
});
