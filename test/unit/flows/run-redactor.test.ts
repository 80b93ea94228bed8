import { describe, expect, it } from 'vitest';
import { runFlow } from '../../../main/flows/flow-runner.ts';
import type { InternalSendInput } from '../../../main/requests/request-service.ts';
import { callbackEntry, deps, fakeClock, fakeInbox, flow, plan, recordingHooks, repliesByRequest, scriptedRequests } from './fakes.ts';

const API_KEY = 'ak-used-by-step-one-5f4e3d';

describe('runFlow: one redactor for the whole run', () => {
  it('cuts a secret an earlier step sent out of a later callback step (a request sent to our own inbox comes back)', async () => {
    const replies = repliesByRequest({ pay: [{ status: 202 }] });
    // As the request service does: the send hands every secret it used to the run's redactor.
    const { requests } = scriptedRequests((input: InternalSendInput, count) => {
      input.redactor?.add(API_KEY);
      return replies(input, count);
    });
    const entry = callbackEntry({ path: `/cb?key=${encodeURIComponent(API_KEY)}`, body: JSON.stringify({ ref: 'ext-1', key: API_KEY }), headers: [['x-api-key', API_KEY]] });
    const { inbox } = fakeInbox([entry]);
    const theFlow = flow([
      { kind: 'request', id: 'a', requestId: 'pay' },
      { kind: 'callback', id: 'cb', match: 'ext-1', timeoutSeconds: 5, captures: [{ source: { from: 'json', path: '$.key' }, target: { to: 'variable', name: 'echoed' } }] },
    ]);
    const run = deps(requests, fakeClock(), { inbox: () => Promise.resolve(inbox) });
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), run.deps, recorded.hooks, new AbortController().signal);

    expect(state.status).toBe('succeeded');
    const shown = JSON.stringify({ state, states: recorded.states, details: recorded.details });
    expect(shown).not.toContain(API_KEY);
    expect(shown).not.toContain(encodeURIComponent(API_KEY));
    const detail = recorded.details.find((call) => call.index === 1)!.detail;
    expect(detail.kind === 'callback' && detail.entry.headers).toEqual([['x-api-key', '[redacted]']]);
    // The captured variable is shown redacted too, though the run itself went on with the real value.
    expect(state.variables).toEqual([{ name: 'echoed', value: '[redacted]' }]);
  });
});
