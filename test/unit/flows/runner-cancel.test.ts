import { describe, expect, it } from 'vitest';
import type { FlowRunState } from '../../../main/contract/flows.ts';
import { runFlow } from '../../../main/flows/flow-runner.ts';
import { startCallbackInbox } from '../../../main/inbox/callback-inbox.ts';
import type { SendOutcome } from '../../../main/requests/request-service.ts';
import { deps, fakeClock, fakeInbox, flow, outcome, plan, recordingHooks, response, scriptedRequests } from './fakes.ts';

const pollUntilReady = {
  until: { source: { from: 'json' as const, path: '$.status' }, operator: 'equals' as const, value: 'READY' },
  intervalSeconds: 1,
  timeoutSeconds: 60,
  maxAttempts: 10,
};

const pollThenNext = flow([
  { kind: 'request', id: 'poll', requestId: 'status', poll: pollUntilReady },
  { kind: 'request', id: 'next', requestId: 'next' },
]);

function expectCancelled(state: FlowRunState, at: number) {
  expect(state.status).toBe('cancelled');
  expect(state.message).toBe('The run was cancelled.');
  expect(state.finishedAt).not.toBeNull();
  expect(state.steps[at]).toMatchObject({ status: 'cancelled', message: 'Cancelled.', failure: null, sendId: null });
  for (const later of state.steps.slice(at + 1)) expect(later).toMatchObject({ status: 'skipped', message: 'Not run: an earlier step did not succeed.' });
}

describe('runFlow: cancel', () => {
  it('during a poll\'s wait between attempts', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    const { requests, sends, cancels } = scriptedRequests((input) => outcome(input.sendId ?? '', response({ body: '{"status":"PENDING"}' })));
    const run = deps(requests, clock, {
      sleep: (ms, signal) => {
        controller.abort();
        expect(signal.aborted).toBe(true);
        return clock.sleep(ms);
      },
    });
    const state = await runFlow(plan(pollThenNext), run.deps, recordingHooks().hooks, controller.signal);
    expectCancelled(state, 0);
    expect(sends).toHaveLength(1);
    expect(cancels).toEqual([]);
    expect(state.steps[0]!.attempts).toBe(1);
  });

  it('during a send: the send in progress is cancelled by its sendId', async () => {
    const controller = new AbortController();
    let release: ((result: SendOutcome) => void) | undefined;
    const { requests, sends, cancels } = scriptedRequests((input, call) => {
      if (call === 1) return outcome(input.sendId ?? '', response({ body: '{"status":"PENDING"}' }));
      // The second attempt hangs until the request service is told to cancel it.
      return new Promise<SendOutcome>((resolve) => {
        release = resolve;
        queueMicrotask(() => controller.abort());
      });
    });
    requests.cancel = (sendId) => {
      cancels.push(sendId);
      release?.(outcome(sendId, { ok: false, error: { kind: 'cancelled', message: 'The request was cancelled.' }, redirects: [] }));
      return { cancelled: true };
    };
    const state = await runFlow(plan(pollThenNext), deps(requests, fakeClock()).deps, recordingHooks().hooks, controller.signal);
    expect(cancels).toEqual(['run-1:0:2']);
    expect(sends.map((send) => send.sendId)).toEqual(['run-1:0:1', 'run-1:0:2']);
    expectCancelled(state, 0);
  });

  it('stops a send that is cancelled only after its answer arrived, before the next step', async () => {
    const controller = new AbortController();
    const { requests, sends } = scriptedRequests((input) => {
      controller.abort();
      return outcome(input.sendId ?? '', response({ body: '{"status":"READY"}' }));
    });
    const theFlow = flow([
      { kind: 'request', id: 'a', requestId: 'r' },
      { kind: 'request', id: 'b', requestId: 'r' },
    ]);
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recordingHooks().hooks, controller.signal);
    expect(sends).toHaveLength(1);
    expect(state.status).toBe('cancelled');
    expect(state.steps[1]!.status).toBe('skipped');
  });

  it('during a callback wait', async () => {
    const controller = new AbortController();
    const { inbox } = fakeInbox([], { holdUntilAbort: true });
    const recorded = recordingHooks();
    const changed = recorded.hooks.changed;
    recorded.hooks.changed = (state) => {
      changed(state);
      // The user's cancel arrives a moment after the runner said it is waiting.
      if (state.steps[0]!.status === 'waiting') setTimeout(() => controller.abort(), 0);
    };
    const theFlow = flow([
      { kind: 'callback', id: 'cb', match: 'ext-1', timeoutSeconds: 60 },
      { kind: 'request', id: 'next', requestId: 'next' },
    ]);
    const { requests, sends } = scriptedRequests(() => outcome('x', response({})));
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock(), { inbox: () => Promise.resolve(inbox) }).deps, recorded.hooks, controller.signal);
    expectCancelled(state, 0);
    expect(sends).toEqual([]);
  });

  // A cancel that lands while the inbox is starting ends the wait at once, not after the step's timeout.
  it('a cancel while the inbox starts ends the wait at once', async () => {
    const controller = new AbortController();
    const real = await startCallbackInbox();
    try {
      const theFlow = flow([{ kind: 'callback', id: 'cb', match: 'ext-1', timeoutSeconds: 1.5 }]);
      const run = deps(scriptedRequests(() => outcome('x', response({}))).requests, fakeClock(), {
        inbox: () => {
          controller.abort();
          return Promise.resolve(real);
        },
      });
      const started = performance.now();
      const state = await runFlow(plan(theFlow), run.deps, recordingHooks().hooks, controller.signal);
      expect(state.status).toBe('cancelled');
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await real.close();
    }
  });
});
