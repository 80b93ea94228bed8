import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { runFlow } from '../../../main/flows/flow-runner.ts';
import { deps, fakeClock, flow, networkFailure, outcome, plan, recordingHooks, repliesByRequest, response, scriptedRequests } from './fakes.ts';

const request = (id: string, requestId: string, extra: Record<string, unknown> = {}) => ({ kind: 'request' as const, id, requestId, ...extra });

describe('runFlow: steps in order', () => {
  it('sends each step in order and carries a capture into the next step', async () => {
    const clock = fakeClock();
    const { requests, sends } = scriptedRequests(
      repliesByRequest({
        'req-token': [{ body: '{"access_token":"t"}' }],
        'req-report': [{ status: 202, body: '{"reportId":"RPT-9"}' }],
        'req-status': [{ body: '{"status":"READY"}' }],
      }),
    );
    const theFlow = flow([
      request('s1', 'req-report', { captures: [{ source: { from: 'json', path: '$.reportId' }, target: { to: 'variable', name: 'reportId' } }] }),
      request('s2', 'req-status'),
    ]);
    const { hooks } = recordingHooks();
    const state = await runFlow(plan(theFlow, { variables: { start: 'yes' } }), deps(requests, clock).deps, hooks, new AbortController().signal);

    expect(state.status).toBe('succeeded');
    expect(state.message).toBeNull();
    expect(sends.map((send) => send.requestId)).toEqual(['req-report', 'req-status']);
    expect(sends[0]!.variablesThen).toEqual({ start: 'yes' });
    expect(sends[1]!.variablesThen).toEqual({ start: 'yes', reportId: 'RPT-9' });
    expect(sends.map((send) => send.sendId)).toEqual(['run-1:0:1', 'run-1:1:1']);
    expect(sends.map((send) => send.environmentId)).toEqual(['env-sandbox', 'env-sandbox']);
    expect(state.variables).toEqual([
      { name: 'start', value: 'yes' },
      { name: 'reportId', value: 'RPT-9' },
    ]);
    expect(state.steps.map((step) => [step.status, step.attempts, step.httpStatus, step.message])).toEqual([
      ['succeeded', 1, 202, 'HTTP 202'],
      ['succeeded', 1, 200, 'HTTP 200'],
    ]);
    expect(state.steps[0]!.captured).toEqual([{ target: 'variable reportId', value: 'RPT-9' }]);
  });

  it('passes confirmProtected and saveToFile on to the send', async () => {
    const { requests, sends } = scriptedRequests(repliesByRequest({ r: [{ body: '' }] }));
    const theFlow = flow([request('a', 'r', { saveToFile: true }), request('b', 'r')]);
    await runFlow(plan(theFlow, { confirmProtected: true }), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(sends.map((send) => [send.confirmProtected, send.saveToDownloads])).toEqual([
      [true, true],
      [true, undefined],
    ]);
  });

  it('shows a saved file as saved, but not a body that only went to a temporary spill file', async () => {
    const saved = { path: '/downloads/report.csv', sha256: 'a'.repeat(64), bytes: 10 };
    const { requests } = scriptedRequests((input) => {
      const reply = response({ body: '' });
      reply.response.saved = input.saveToDownloads === true ? saved : { ...saved, path: '/data/spill/1-x/send-y/big.json' };
      return { ...outcome(input.sendId ?? 'x', reply), spilled: input.saveToDownloads !== true };
    });
    const theFlow = flow([request('a', 'r', { saveToFile: true }), request('b', 'r')]);
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps.map((step) => [step.saved?.path ?? null, step.message])).toEqual([
      ['/downloads/report.csv', 'Saved /downloads/report.csv (10 bytes).'],
      [null, 'HTTP 200'],
    ]);
  });

  it('names steps: their own name, else the request name, else says the request is gone', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ r1: [{}], r2: [{}] }));
    const theFlow = flow([request('a', 'r1', { name: 'Token' }), request('b', 'r1'), request('c', 'r2')]);
    const state = await runFlow(plan(theFlow, { requestNames: { r1: 'Get access token' } }), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps.map((step) => step.name)).toEqual(['Token', 'Get access token', 'A deleted request']);
  });

  it('fails a step on a non-2xx status with the status and a hint of the body, and skips the rest', async () => {
    const { requests, sends } = scriptedRequests(
      repliesByRequest({ bad: [{ status: 409, statusText: 'Conflict', body: '{\n  "error": "duplicate reference"\n}' }], next: [{}] }),
    );
    const theFlow = flow([request('a', 'bad', { name: 'Create user' }), request('b', 'next')]);
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.status).toBe('failed');
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'http-status', httpStatus: 409, message: 'HTTP 409 Conflict: { "error": "duplicate reference" }' });
    expect(state.message).toBe('Step 1 (Create user) failed: HTTP 409 Conflict: { "error": "duplicate reference" }');
    expect(state.steps[1]).toMatchObject({ status: 'skipped', message: 'Not run: an earlier step did not succeed.' });
    expect(sends).toHaveLength(1);
  });

  it('cuts a long error body in the hint', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ bad: [{ status: 500, statusText: 'Internal Server Error', body: 'x'.repeat(1000) }] }));
    const state = await runFlow(plan(flow([request('a', 'bad')])), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]!.message).toBe(`HTTP 500 Internal Server Error: ${'x'.repeat(300)}…`);
  });

  it('lets a non-2xx status through when requireSuccess is false', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ maybe: [{ status: 404, statusText: 'Not Found', body: '{"code":"NOT_FOUND"}' }], next: [{}] }));
    const theFlow = flow([
      request('a', 'maybe', { requireSuccess: false, captures: [{ source: { from: 'json', path: '$.code' }, target: { to: 'variable', name: 'code' } }] }),
      request('b', 'next'),
    ]);
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.status).toBe('succeeded');
    expect(state.steps[0]).toMatchObject({ status: 'succeeded', httpStatus: 404, message: 'HTTP 404' });
    expect(state.variables).toEqual([{ name: 'code', value: 'NOT_FOUND' }]);
  });

  it('fails on a network failure with its message', async () => {
    const { requests } = scriptedRequests((input) => networkFailure(input.sendId ?? '', 'The connection was refused by gateway.test:443.'));
    const state = await runFlow(plan(flow([request('a', 'r', { name: 'Ping' })])), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.status).toBe('failed');
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'network', httpStatus: null, message: 'The connection was refused by gateway.test:443.' });
    expect(state.message).toBe('Step 1 (Ping) failed: The connection was refused by gateway.test:443.');
  });

  it('reports a ServiceError from the send (signing, vault, protected) with its message', async () => {
    const locked = scriptedRequests(() => Promise.reject(new ServiceError('locked', 'The vault is locked.')));
    const state = await runFlow(plan(flow([request('a', 'r')])), deps(locked.requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'configuration', message: 'The vault is locked.' });

    const guarded = scriptedRequests(() => Promise.reject(new ServiceError('forbidden', 'Production is protected.')));
    const second = await runFlow(plan(flow([request('a', 'r')])), deps(guarded.requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(second.steps[0]).toMatchObject({ status: 'failed', failure: 'protected', message: 'Production is protected.' });
  });

  it('hides the text of an unexpected error', async () => {
    const { requests } = scriptedRequests(() => Promise.reject(new Error('internal detail /home/user/secret-path')));
    const state = await runFlow(plan(flow([request('a', 'r')])), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.steps[0]).toMatchObject({ status: 'failed', failure: 'internal', message: 'The step failed unexpectedly.' });
  });

  it('fails a step whose capture finds nothing, naming the capture and why', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ r: [{ body: '{"status":"OK"}' }] }));
    const theFlow = flow([request('a', 'r', { captures: [{ source: { from: 'json', path: '$.reportId' }, target: { to: 'variable', name: 'reportId' } }] })]);
    const state = await runFlow(plan(theFlow), deps(requests, fakeClock()).deps, recordingHooks().hooks, new AbortController().signal);
    expect(state.status).toBe('failed');
    expect(state.steps[0]).toMatchObject({
      status: 'failed',
      failure: 'capture',
      message: 'Nothing to capture for variable reportId: $.reportId matched nothing in the response body.',
    });
  });

  it('keeps an environment capture in the environment and as a flow variable', async () => {
    const { requests, sends } = scriptedRequests(repliesByRequest({ r: [{ sent: { headers: [{ name: 'X-Reference-Id', value: 'user-42' }] } }] }));
    const theFlow = flow([
      request('a', 'r', { captures: [{ source: { from: 'sent-header', name: 'X-Reference-Id' }, target: { to: 'environment', name: 'apiUser' } }] }),
      request('b', 'r'),
    ]);
    const run = deps(requests, fakeClock());
    const state = await runFlow(plan(theFlow), run.deps, recordingHooks().hooks, new AbortController().signal);
    expect(run.environment).toEqual([{ name: 'apiUser', value: 'user-42' }]);
    expect(state.steps[0]!.captured).toEqual([{ target: 'Sandbox variable apiUser', value: 'user-42' }]);
    expect(sends[1]!.variablesThen).toEqual({ apiUser: 'user-42' });
  });

  it('starts at fromStep with the variables given, marking earlier steps skipped', async () => {
    const { requests, sends } = scriptedRequests(repliesByRequest({ r1: [{}], r2: [{}], r3: [{}] }));
    const theFlow = flow([request('a', 'r1'), request('b', 'r2'), request('c', 'r3')]);
    const recorded = recordingHooks();
    const state = await runFlow(plan(theFlow, { fromStep: 1, variables: { reportId: 'RPT-1' } }), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(state.status).toBe('succeeded');
    expect(sends.map((send) => [send.requestId, send.variablesThen])).toEqual([
      ['r2', { reportId: 'RPT-1' }],
      ['r3', { reportId: 'RPT-1' }],
    ]);
    expect(state.steps.map((step) => step.status)).toEqual(['skipped', 'succeeded', 'succeeded']);
    expect(state.steps[0]!.message).toBe('Not run: this run started at a later step.');
    expect(recorded.before.map((call) => call.index)).toEqual([1, 2]);
  });

  it('hands beforeStep the variables as they are just before each step', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ r1: [{ body: '{"a":"1"}' }], r2: [{ body: '{"b":"2"}' }], r3: [{}] }));
    const capture = (path: string, name: string) => ({ source: { from: 'json' as const, path }, target: { to: 'variable' as const, name } });
    const theFlow = flow([request('a', 'r1', { captures: [capture('$.a', 'a')] }), request('b', 'r2', { captures: [capture('$.b', 'b')] }), request('c', 'r3')]);
    const recorded = recordingHooks();
    await runFlow(plan(theFlow, { variables: { seed: 's' } }), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(recorded.before).toEqual([
      { index: 0, variables: { seed: 's' } },
      { index: 1, variables: { seed: 's', a: '1' } },
      { index: 2, variables: { seed: 's', a: '1', b: '2' } },
    ]);
  });

  it('records each step\'s exchange for the detail view', async () => {
    const { requests } = scriptedRequests((input) => outcome(input.sendId ?? '', response({ body: '{"ok":true}' }), { url: 'https://gateway.test/ping' }));
    const recorded = recordingHooks();
    await runFlow(plan(flow([request('a', 'r')])), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(recorded.details).toHaveLength(1);
    const [{ index, detail }] = recorded.details as [(typeof recorded.details)[number]];
    expect(index).toBe(0);
    expect(detail.kind).toBe('request');
    if (detail.kind === 'request') {
      expect(detail.request.url).toBe('https://gateway.test/ping');
      expect(detail.outcome.ok && detail.outcome.response.preview.data).toBe('{"ok":true}');
    }
  });

  it('publishes a copy of the state, not the runner\'s own object', async () => {
    const { requests } = scriptedRequests(repliesByRequest({ r: [{}] }));
    const recorded = recordingHooks();
    const final = await runFlow(plan(flow([request('a', 'r')])), deps(requests, fakeClock()).deps, recorded.hooks, new AbortController().signal);
    expect(recorded.states[0]!.steps[0]!.status).toBe('pending');
    expect(recorded.states.at(-1)).toEqual(final);
    expect(final.finishedAt).not.toBeNull();
  });
});
