import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../main/contract/flow-model.ts';
import { runFlow } from '../../../main/flows/flow-runner.ts';
import { deps, fakeClock, flow, plan, recordingHooks, repliesByRequest, scriptedRequests, statusTrail } from './fakes.ts';

const untilReady = (limits: Partial<Omit<Poll, 'until'>> = {}): Poll => ({
  until: { source: { from: 'json', path: '$.status' }, operator: 'equals', value: 'READY' },
  intervalSeconds: 1,
  timeoutSeconds: 60,
  maxAttempts: 100,
  ...limits,
});

const pending = { body: '{"status":"PENDING"}' };
const ready = { body: '{"status":"READY","url":"/r/1"}' };

describe('runFlow: polls', () => {
  it('repeats until the condition holds, then captures from the last answer', async () => {
    const clock = fakeClock();
    const { requests, sends } = scriptedRequests(repliesByRequest({ status: [pending, pending, ready], next: [{}] }));
    const theFlow = flow([
      {
        kind: 'request',
        id: 'poll',
        name: 'Wait until it is ready',
        requestId: 'status',
        poll: untilReady(),
        captures: [{ source: { from: 'json', path: '$.url' }, target: { to: 'variable', name: 'url' } }],
      },
      { kind: 'request', id: 'next', requestId: 'next' },
    ]);
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), deps(requests, clock).deps, recorded.hooks, new AbortController().signal);

    expect(state.status).toBe('succeeded');
    expect(state.steps[0]).toMatchObject({ status: 'succeeded', attempts: 3, message: 'Done after 3 attempts: $.status equals "READY".' });
    expect(sends.map((send) => send.sendId)).toEqual(['run-1:0:1', 'run-1:0:2', 'run-1:0:3', 'run-1:1:1']);
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(state.variables).toEqual([{ name: 'url', value: '/r/1' }]);
    expect(state.steps[0]!.durationMs).toBe(2000);
  });

  it('shows the step running, then waiting between attempts, then succeeded', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ status: [pending, pending, ready] }));
    const recorded = recordingHooks();
    await runFlow(plan(flow([{ kind: 'request', id: 'poll', requestId: 'status', poll: untilReady() }])), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(statusTrail(recorded.states, 0)).toEqual(['pending', 'running', 'waiting', 'running', 'waiting', 'running', 'succeeded']);
    const waiting = recorded.states.find((state) => state.steps[0]!.status === 'waiting')!;
    expect(waiting.steps[0]!.message).toBe('Attempt 1: "PENDING"; waiting until $.status equals "READY". Next try in 1 s.');
    expect(recorded.states.map((state) => state.status).at(-1)).toBe('succeeded');
  });

  it('ends with a readable timeout message when the condition never holds, and skips later steps', async () => {
    const clock = fakeClock();
    const { requests, sends } = scriptedRequests(repliesByRequest({ status: [pending], next: [{}] }));
    const theFlow = flow([
      { kind: 'request', id: 'poll', name: 'Wait until it is ready', requestId: 'status', poll: untilReady({ intervalSeconds: 1, timeoutSeconds: 3 }) },
      { kind: 'request', id: 'next', requestId: 'next' },
    ]);
    const state = await runFlow(plan(theFlow), deps(requests, clock).deps, recordingHooks().hooks, new AbortController().signal);

    const expected = 'Timed out after 3 s (waited 3 s, 4 attempts): still waiting until $.status equals "READY"; last value "PENDING".';
    expect(state.status).toBe('failed');
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'timeout', attempts: 4, message: expected });
    expect(state.message).toBe(`Step 1 (Wait until it is ready) failed: ${expected}`);
    expect(state.steps[1]).toMatchObject({ status: 'skipped', message: 'Not run: an earlier step did not succeed.' });
    expect(sends.every((send) => send.requestId === 'status')).toBe(true);
  });

  it('says what it found when the value it waits on is not there at all', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ status: [{ body: '{"state":"x"}' }] }));
    const theFlow = flow([{ kind: 'request', id: 'poll', requestId: 'status', poll: untilReady({ intervalSeconds: 0.5, timeoutSeconds: 0.5 }) }]);
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]!.message).toBe(
      'Timed out after 500 ms (waited 500 ms, 2 attempts): still waiting until $.status equals "READY"; last value nothing ($.status matched nothing in the response body).',
    );
  });

  it('gives up at maxAttempts, saying so', async () => {
    const clock = fakeClock();
    const { requests, sends } = scriptedRequests(repliesByRequest({ status: [pending] }));
    const theFlow = flow([{ kind: 'request', id: 'poll', requestId: 'status', poll: untilReady({ maxAttempts: 3, intervalSeconds: 2 }) }]);
    const state = await runFlow(plan(theFlow), deps(requests, clock).deps, recordingHooks().hooks, new AbortController().signal);
    expect(sends).toHaveLength(3);
    expect(state.steps[0]).toMatchObject({
      status: 'failed',
      failure: 'timeout',
      attempts: 3,
      message: 'Gave up after 3 attempts (the maximum) in 4 s: still waiting until $.status equals "READY"; last value "PENDING".',
    });
  });

  it('stops polling on an error status instead of waiting it out', async () => {
    const { requests, sends } = scriptedRequests(repliesByRequest({ status: [pending, { status: 503, statusText: 'Service Unavailable', body: '' }] }));
    const state = await runFlow(plan(flow([{ kind: 'request', id: 'poll', requestId: 'status', poll: untilReady() }])), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(sends).toHaveLength(2);
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'http-status', message: 'HTTP 503 Service Unavailable' });
  });

  it('resolves a template in the condition against the flow variables', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ status: [{ body: '{"id":"RPT-1","state":"DONE"}' }] }));
    const theFlow = flow([
      {
        kind: 'request',
        id: 'poll',
        requestId: 'status',
        poll: { ...untilReady(), until: { source: { from: 'json', path: '$.id' }, operator: 'equals', value: '{{reportId}}' } },
      },
    ]);
    const state = await runFlow(plan(theFlow, { variables: { reportId: 'RPT-1' } }), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]!.message).toBe('Done after 1 attempt: $.id equals "RPT-1".');
  });
});
