import { describe, expect, it } from 'vitest';
import type { CallbackEntry } from '../../../main/contract/flows.ts';
import { runFlow } from '../../../main/flows/flow-runner.ts';
import { callbackEntry, deps, fakeClock, fakeInbox, flow, plan, recordingHooks, repliesByRequest, scriptedRequests, START, statusTrail } from './fakes.ts';

const payThenWait = flow([
  {
    kind: 'request',
    id: 'pay',
    name: 'Request to pay',
    requestId: 'pay',
    captures: [{ source: { from: 'sent-json', path: '$.externalId' }, target: { to: 'variable', name: 'externalId' } }],
  },
  {
    kind: 'callback',
    id: 'cb',
    name: 'Wait for the callback',
    match: '{{externalId}}',
    timeoutSeconds: 60,
    captures: [{ source: { from: 'json', path: '$.status' }, target: { to: 'variable', name: 'paymentStatus' } }],
  },
  { kind: 'request', id: 'status', requestId: 'status' },
]);

async function runWith(entries: CallbackEntry[], theFlow = payThenWait) {
  const { inbox, waits } = fakeInbox(entries);
  const { requests, sends } = scriptedRequests(repliesByRequest({ pay: [{ status: 202, sent: { body: JSON.stringify({ externalId: 'ext-77', amount: '5' }) } }], status: [{}] }));
  const recorded = recordingHooks();
  const state = await runFlow(plan(theFlow), deps(requests, fakeClock(), { inbox: () => Promise.resolve(inbox) }).deps, recorded.hooks, new AbortController().signal);
  return { state, waits, sends, recorded };
}

describe('runFlow: callback steps', () => {
  it('waits for the callback that holds the captured value, captures from its JSON body and goes on', async () => {
    const { state, waits, sends, recorded } = await runWith([
      callbackEntry({ id: 1, body: JSON.stringify({ externalId: 'ext-76', status: 'FAILED' }) }),
      callbackEntry({ id: 2, body: JSON.stringify({ externalId: 'ext-77', status: 'SUCCESSFUL' }) }),
    ]);
    expect(state.status).toBe('succeeded');
    expect(waits).toEqual([{ timeoutMs: 60_000, description: '"ext-77"' }]);
    expect(state.steps[1]).toMatchObject({ status: 'succeeded', attempts: 1, message: 'PUT /momo/requesttopay arrived.', captured: [{ target: 'variable paymentStatus', value: 'SUCCESSFUL' }] });
    expect(sends[1]!.variablesThen).toEqual({ externalId: 'ext-77', paymentStatus: 'SUCCESSFUL' });
    const waiting = recorded.states.find((candidate) => candidate.steps[1]!.status === 'waiting')!;
    expect(waiting.steps[1]!.message).toBe('Waiting up to 60 s for a callback to http://127.0.0.1:8788 that contains "ext-77".');
    expect(statusTrail(recorded.states, 1)).toEqual(['pending', 'running', 'waiting', 'succeeded']);
    const detail = recorded.details.find((call) => call.index === 1)!.detail;
    expect(detail.kind === 'callback' && detail.entry.id).toBe(2);
  });

  it('matches on the path, on a header value or on the body', async () => {
    const byPath = await runWith([callbackEntry({ path: '/cb/ext-77', body: '{"status":"A"}' })]);
    expect(byPath.state.variables).toContainEqual({ name: 'paymentStatus', value: 'A' });
    const byHeader = await runWith([callbackEntry({ headers: [['x-external-id', 'ext-77']], body: '{"status":"B"}' })]);
    expect(byHeader.state.variables).toContainEqual({ name: 'paymentStatus', value: 'B' });
    const byBody = await runWith([callbackEntry({ body: '{"note":"for ext-77","status":"C"}' })]);
    expect(byBody.state.variables).toContainEqual({ name: 'paymentStatus', value: 'C' });
  });

  it('does not take a callback that arrived well before the run started', async () => {
    const stale = callbackEntry({ receivedAt: new Date(START - 60_000).toISOString(), body: '{"externalId":"ext-77","status":"OLD"}' });
    const { state } = await runWith([stale]);
    expect(state.steps[1]).toMatchObject({ status: 'failed', failure: 'timeout' });
  });

  it('ends with the inbox\'s timeout message when nothing matches', async () => {
    const { state, sends } = await runWith([callbackEntry({ body: '{"externalId":"other"}' })]);
    expect(state.status).toBe('failed');
    expect(state.steps[1]).toMatchObject({ status: 'failed', failure: 'timeout', message: 'No callback matching "ext-77" arrived within 60 s.' });
    expect(state.message).toBe('Step 2 (Wait for the callback) failed: No callback matching "ext-77" arrived within 60 s.');
    expect(state.steps[2]!.status).toBe('skipped');
    expect(sends).toHaveLength(1);
  });

  it('fails when its match resolves to nothing, instead of taking any callback', async () => {
    const theFlow = flow([{ kind: 'callback', id: 'cb', match: '{{externalId}}', timeoutSeconds: 5 }]);
    const { inbox, waits } = fakeInbox([callbackEntry({})]);
    const run = deps(scriptedRequests(repliesByRequest({})).requests, fakeClock(), { inbox: () => Promise.resolve(inbox) });
    const state = await runFlow(plan(theFlow, { variables: { externalId: '' } }), run.deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]).toMatchObject({
      status: 'failed',
      failure: 'configuration',
      message: 'The match {{externalId}} is empty: capture the value it needs in an earlier step.',
    });
    expect(waits).toEqual([]);
  });

  it('notes a body cut at the inbox\'s cap; a capture from a cut JSON body fails clearly', async () => {
    const body = `{"externalId":"ext-77","status":"SUCCESSFUL","pad":"${'x'.repeat(100)}`;
    const { state } = await runWith([callbackEntry({ body, bodyBytes: 90_000, truncated: true })]);
    // A cut body is not JSON any more, so the capture says so.
    expect(state.steps[1]).toMatchObject({
      status: 'failed',
      failure: 'capture',
      message: 'Nothing to capture for variable paymentStatus: the callback body is not JSON.',
    });
    const quiet = await runWith([callbackEntry({ body: '{"externalId":"ext-77","status":"OK"}', bodyBytes: 90_000, truncated: true })]);
    expect(quiet.state.steps[1]!.message).toBe('PUT /momo/requesttopay arrived (body cut to the first 37 characters of 90000 bytes).');
  });
});
