import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import type { FlowStep } from '../../../main/contract/flow-model.ts';
import { runFlow } from '../../../main/flows/flow-runner.ts';
import { REDACTED } from '../../../main/signing/redact.ts';
import { callbackEntry, deps, fakeClock, fakeInbox, flow, plan, recordingHooks, repliesByRequest, scriptedRequests } from './fakes.ts';

const SECRET = 'k-5ecret-9f8e7d6c5b4a';

/** Every state and every detail the runner handed out, as one text to search. */
function everythingShown(recorded: ReturnType<typeof recordingHooks>): string {
  return JSON.stringify({ states: recorded.states, details: recorded.details });
}

const toSecret = (source: { from: 'json'; path: string } | { from: 'sent-header'; name: string }) => ({ source, target: { to: 'secret' as const, name: 'momo.api_key' } });

describe('runFlow: secret captures', () => {
  it('stores the value in the vault, reports it as null and shows it nowhere', async () => {
    const { requests, sends } = scriptedRequests(
      repliesByRequest({
        key: [{ status: 201, body: JSON.stringify({ apiKey: SECRET, note: `your key is ${SECRET}` }), headers: [['x-echo', `key=${SECRET}`]] }],
        token: [{}],
      }),
    );
    const theFlow = flow([
      { kind: 'request', id: 'a', name: 'Create its API key', requestId: 'key', captures: [toSecret({ from: 'json', path: '$.apiKey' })] },
      { kind: 'request', id: 'b', requestId: 'token' },
    ]);
    const run = deps(requests, fakeClock());
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), run.deps, recorded.hooks, new AbortController().signal);

    expect(state.status).toBe('succeeded');
    expect(run.secrets).toEqual([{ environment: 'Sandbox', name: 'momo.api_key', value: SECRET }]);
    expect(state.steps[0]!.captured).toEqual([{ target: 'secret momo.api_key (Sandbox vault)', value: null }]);
    // A secret is not a flow variable: the next step's request reads it from the vault itself.
    expect(sends[1]!.variablesThen).toEqual({});
    expect(recorded.states.length).toBeGreaterThan(3);
    expect(recorded.details.length).toBeGreaterThan(0);
    expect(everythingShown(recorded)).not.toContain(SECRET);
    const detail = recorded.details.find((call) => call.index === 0)!.detail;
    expect(detail.kind === 'request' && detail.outcome.ok && detail.outcome.response.preview.data).toBe(JSON.stringify({ apiKey: REDACTED, note: `your key is ${REDACTED}` }));
    expect(detail.kind === 'request' && detail.outcome.ok && detail.outcome.response.headers).toEqual([['x-echo', `key=${REDACTED}`]]);
  });

  const callbackRun = async (entry: ReturnType<typeof callbackEntry>) => {
    const { inbox } = fakeInbox([entry]);
    const theFlow = flow([{ kind: 'callback', id: 'cb', match: 'ext-1', timeoutSeconds: 5, captures: [toSecret({ from: 'json', path: '$.token' })] }]);
    const run = deps(scriptedRequests(repliesByRequest({})).requests, fakeClock(), { inbox: () => Promise.resolve(inbox) });
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), run.deps, recorded.hooks, new AbortController().signal);
    return { state, recorded, stored: run.secrets.map((secret) => secret.value) };
  };

  it('takes a secret captured from a callback out of the recorded callback', async () => {
    const { state, recorded, stored } = await callbackRun(callbackEntry({ body: JSON.stringify({ ref: 'ext-1', token: SECRET }), headers: [['x-token', SECRET]] }));
    expect(state.status).toBe('succeeded');
    expect(stored).toEqual([SECRET]);
    expect(everythingShown(recorded)).not.toContain(SECRET);
    const detail = recorded.details[0]!.detail;
    expect(detail.kind === 'callback' && detail.entry).toMatchObject({ body: `{"ref":"ext-1","token":"${REDACTED}"}`, headers: [['x-token', REDACTED]] });
  });

  // The step message names the callback's path: a stored secret in it is cut out of every published state.
  it('keeps a secret captured from a callback out of the step message when the path holds it too', async () => {
    const { state, recorded, stored } = await callbackRun(callbackEntry({ path: `/cb?token=${SECRET}`, body: JSON.stringify({ ref: 'ext-1', token: SECRET }) }));
    expect(state.status).toBe('succeeded');
    expect(stored).toEqual([SECRET]);
    expect(everythingShown(recorded)).not.toContain(SECRET);
    // The run's final answer (the flows:run reply, the CLI's summary) is cut too.
    expect(JSON.stringify(state)).not.toContain(SECRET);
  });

  it('cuts a stored secret out of a flow variable that captured the same value, in every state and the final answer', async () => {
    const { requests, sends } = scriptedRequests(repliesByRequest({ key: [{ status: 201, body: JSON.stringify({ apiKey: SECRET }) }], next: [{}] }));
    const theFlow = flow([
      {
        kind: 'request',
        id: 'a',
        requestId: 'key',
        captures: [{ source: { from: 'json', path: '$' }, target: { to: 'variable', name: 'whole' } }, toSecret({ from: 'json', path: '$.apiKey' })],
      },
      { kind: 'request', id: 'b', requestId: 'next' },
    ]);
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(state.status).toBe('succeeded');
    expect(state.variables).toEqual([{ name: 'whole', value: JSON.stringify({ apiKey: REDACTED }) }]);
    expect(JSON.stringify(state)).not.toContain(SECRET);
    expect(everythingShown(recorded)).not.toContain(SECRET);
    // The run itself still uses the real value.
    expect(sends[1]!.variablesThen).toEqual({ whole: JSON.stringify({ apiKey: SECRET }) });
  });

  it('never writes a stored secret into an environment variable (they are shown and exported)', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ key: [{ status: 201, body: JSON.stringify({ apiKey: SECRET }) }] }));
    const run = deps(requests, fakeClock());
    const theFlow = flow([
      {
        kind: 'request',
        id: 'a',
        requestId: 'key',
        captures: [{ source: { from: 'json', path: '$.apiKey' }, target: { to: 'environment', name: 'apiKey' } }, toSecret({ from: 'json', path: '$.apiKey' })],
      },
    ]);
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), run.deps, recorded.hooks, new AbortController().signal);
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'capture', message: 'The value for environment variable apiKey holds a value stored in the vault; it was not written.' });
    expect(run.environment).toEqual([]);
    expect(JSON.stringify(state)).not.toContain(SECRET);
    expect(everythingShown(recorded)).not.toContain(SECRET);
  });

  it('refuses to store an empty value', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ key: [{ body: '{"apiKey":""}' }] }));
    const run = deps(requests, fakeClock());
    const state = await runFlow(plan(flow([{ kind: 'request', id: 'a', requestId: 'key', captures: [toSecret({ from: 'json', path: '$.apiKey' })] }])), run.deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'capture', message: 'The value for secret momo.api_key is empty; nothing was stored.' });
    expect(run.secrets).toEqual([]);
  });

  it('fails the step with the vault\'s message when the secret cannot be stored', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ key: [{ body: JSON.stringify({ apiKey: SECRET }) }] }));
    const run = deps(requests, fakeClock(), { storeSecret: () => Promise.reject(new ServiceError('locked', 'The vault is locked: unlock it so momo.api_key can be stored.')) });
    const state = await runFlow(plan(flow([{ kind: 'request', id: 'a', requestId: 'key', captures: [toSecret({ from: 'json', path: '$.apiKey' })] }])), run.deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'configuration', message: 'The vault is locked: unlock it so momo.api_key can be stored.' });
  });

  // A secret captured from the request as sent is cut out of that request and the trace too.
  it('takes a secret captured from the request as sent out of the step detail too', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ user: [{ status: 201, sent: { headers: [{ name: 'X-Reference-Id', value: SECRET }] } }] }));
    const theFlow = flow([{ kind: 'request', id: 'a', requestId: 'user', captures: [toSecret({ from: 'sent-header', name: 'X-Reference-Id' })] }]);
    const run = deps(requests, fakeClock());
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow), run.deps, recorded.hooks, new AbortController().signal);
    expect(state.status).toBe('succeeded');
    expect(run.secrets.map((secret) => secret.value)).toEqual([SECRET]);
    expect(everythingShown(recorded)).not.toContain(SECRET);
  });

  // While a poll waits, the value it will store is not known yet; a step that stores a secret
  // therefore hands over no attempt until it ends, and then only with the secret cut out.
  it('keeps a secret out of the details recorded while a poll waits', async () => {
    const step: FlowStep = {
      kind: 'request',
      id: 'a',
      name: '',
      requestId: 'status',
      captures: [toSecret({ from: 'json', path: '$.apiKey' })],
      poll: { until: { source: { from: 'json', path: '$.status' }, operator: 'equals', value: 'READY' }, intervalSeconds: 1, timeoutSeconds: 60, maxAttempts: 10 },
      saveToFile: false,
      requireSuccess: true,
    };
    const { requests } = scriptedRequests(
      repliesByRequest({ status: [{ body: JSON.stringify({ status: 'PENDING', apiKey: SECRET }) }, { body: JSON.stringify({ status: 'READY', apiKey: SECRET }) }] }),
    );
    const recorded = recordingHooks();
    const state = await runFlow(plan(flow([step])), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(state.status).toBe('succeeded');
    expect(recorded.details).toHaveLength(1);
    for (const call of recorded.details) expect(JSON.stringify(call.detail)).not.toContain(SECRET);
  });
});
