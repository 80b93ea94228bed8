import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowInput } from '../../../main/contract/flow-model.ts';
import type { FlowRunState } from '../../../main/contract/flows.ts';
import { createFlowService, type FlowVault } from '../../../main/flows/flow-service.ts';
import type { InboxService } from '../../../main/flows/inbox-service.ts';
import type { WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { openService, smallTree, tempDir, type TempDir } from '../workspace/helpers.ts';
import { fakeClock, fakeInbox, flow, repliesByRequest, scriptedRequests } from './fakes.ts';

/** The flow service over a real workspace (temp dir), with scripted sends, a fake vault and a fake inbox. */
describe('flow service', () => {
  let dir: TempDir;
  let workspace: WorkspaceService;
  let tree: ReturnType<typeof smallTree>;
  let stored: { environment: string; name: string; value: string }[];
  let unlocked: boolean;
  const vault: FlowVault = {
    isUnlocked: () => Promise.resolve(unlocked),
    store: (environment, name, value) => {
      stored.push({ environment, name, value });
      return Promise.resolve();
    },
  };
  const { inbox } = fakeInbox([]);
  let ensured = 0;
  const inboxService: InboxService = {
    status: () => ({ running: false }),
    start: () => Promise.reject(new Error('not used')),
    stop: () => Promise.resolve({ running: false }),
    entries: () => [],
    clear: () => [],
    ensure: () => {
      ensured += 1;
      return Promise.resolve(inbox);
    },
    close: () => Promise.resolve(),
  };

  beforeEach(() => {
    dir = tempDir();
    workspace = openService(dir.dir);
    tree = smallTree(workspace);
    stored = [];
    unlocked = true;
    ensured = 0;
  });
  afterEach(() => dir.cleanup());

  const environment = (name: string) => workspace.environments(tree.collection).find((env) => env.name === name)!;
  const save = (input: Partial<FlowInput> & Pick<FlowInput, 'steps'>) => workspace.saveFlow(tree.collection, flow(input.steps, { id: 'f1', name: 'Pay and check', ...input }));

  /** `holdSleeps`: a poll's wait lasts until the run is cancelled, so a run stays live while the test looks at it. */
  function service(replies: Parameters<typeof repliesByRequest>[0], options: { holdSleeps?: boolean } = {}) {
    const scripted = scriptedRequests(repliesByRequest(replies));
    const events: FlowRunState[] = [];
    const clock = fakeClock();
    const heldSleep = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    const flows = createFlowService({
      workspace,
      requests: scripted.requests,
      vault,
      inbox: inboxService,
      onRunChanged: (state) => events.push(state),
      clock,
      nonces: { nonce: () => 'nonce-1', uuid: () => '00000000-0000-4000-8000-000000000001', randomInt: () => 1 },
      sleep: options.holdSleeps === true ? heldSleep : clock.sleep,
    });
    const waitForEvent = async (test: (state: FlowRunState) => boolean) => {
      for (let i = 0; i < 100 && !events.some(test); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(events.some(test)).toBe(true);
    };
    return { flows, events, waitForEvent, ...scripted };
  }

  const pollForever = () =>
    save({
      steps: [
        {
          kind: 'request',
          id: 's1',
          requestId: tree.pay,
          poll: { until: { source: { from: 'json', path: '$.status' }, operator: 'equals', value: 'READY' }, intervalSeconds: 1, timeoutSeconds: 600, maxAttempts: 1000 },
        },
      ],
    });

  it('resolves the start variables: {{$inboxUrl}}, dynamic values, the environment and earlier variables', async () => {
    const sandbox = environment('Sandbox');
    workspace.updateEnvironment(tree.collection, sandbox.id, { variables: [{ name: 'baseUrl', value: 'https://gw.test', enabled: true }] });
    save({
      steps: [{ kind: 'request', id: 's1', requestId: tree.pay }],
      variables: [
        { name: 'callbackUrl', value: '{{$inboxUrl}}/momo/requesttopay' },
        { name: 'orderId', value: 'order-{{$uuid}}' },
        { name: 'statusUrl', value: '{{baseUrl}}/orders/{{orderId}}' },
      ],
    });
    const { flows, sends } = service({ [tree.pay]: [{}] });
    const state = await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r1' });
    expect(state.status).toBe('succeeded');
    expect(ensured).toBe(1);
    expect(sends[0]!.variablesThen).toEqual({
      callbackUrl: 'http://127.0.0.1:8788/momo/requesttopay',
      orderId: 'order-00000000-0000-4000-8000-000000000001',
      statusUrl: 'https://gw.test/orders/order-00000000-0000-4000-8000-000000000001',
    });
  });

  it('fills {{$today}} and {{$yesterday}} in flow variables as UTC dates from the clock, and a value given for the run replaces the default', async () => {
    save({
      steps: [{ kind: 'request', id: 's1', requestId: tree.pay }],
      variables: [
        { name: 'dateFrom', value: '{{$yesterday}}' },
        { name: 'dateTo', value: '{{ $today }}' },
        { name: 'reportType', value: 'settlement' },
      ],
    });
    const { flows, sends } = service({ [tree.pay]: [{}, {}] });
    const sandbox = environment('Sandbox').id;
    // The fake clock starts at 2026-03-01T10:00Z: yesterday crosses a month end.
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox });
    expect(sends[0]!.variablesThen).toEqual({ dateFrom: '2026-02-28', dateTo: '2026-03-01', reportType: 'settlement' });
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox, variables: { reportType: 'transactions', dateFrom: '2026-01-01' } });
    expect(sends[1]!.variablesThen).toEqual({ dateFrom: '2026-01-01', dateTo: '2026-03-01', reportType: 'transactions' });
  });

  it('sends "save to file" steps to the run\'s own folder when one is given (flow --out-dir), else to the downloads folder', async () => {
    save({ steps: [{ kind: 'request', id: 's1', requestId: tree.pay, saveToFile: true }, { kind: 'request', id: 's2', requestId: tree.pay }] });
    const { flows, sends } = service({ [tree.pay]: [{}, {}, {}, {}] });
    const sandbox = environment('Sandbox').id;
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox, saveDirectory: '/tmp/reports' });
    expect(sends[0]).toMatchObject({ saveToDownloads: true, saveDirectory: '/tmp/reports' });
    expect(sends[1]!.saveDirectory).toBeUndefined();
    expect(sends[1]!.saveToDownloads).toBeUndefined();
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox });
    expect(sends[2]!.saveToDownloads).toBe(true);
    expect(sends[2]!.saveDirectory).toBeUndefined();
  });

  it('does not start the inbox for a flow that does not name it', async () => {
    save({ steps: [{ kind: 'request', id: 's1', requestId: tree.pay }], variables: [{ name: 'a', value: 'plain' }] });
    const { flows } = service({ [tree.pay]: [{}] });
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: environment('Sandbox').id });
    expect(ensured).toBe(0);
  });

  it('says which flow variable has no value', async () => {
    save({ steps: [{ kind: 'request', id: 's1', requestId: tree.pay }], variables: [{ name: 'statusUrl', value: '{{baseUrl}}/status' }] });
    const { flows } = service({});
    await expect(flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: environment('Sandbox').id })).rejects.toThrow(
      'The flow variable statusUrl has no value: Unknown variable {{baseUrl}}: environment "Sandbox" does not define it.',
    );
  });

  it('refuses a protected environment unless the run is confirmed, then confirms every send', async () => {
    save({ steps: [{ kind: 'request', id: 's1', requestId: tree.pay }] });
    const { flows, sends } = service({ [tree.pay]: [{}] });
    const production = environment('Production');
    await expect(flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: production.id })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Production is protected: confirm that "Pay and check" should run against Production.',
    });
    expect(sends).toEqual([]);
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: production.id, confirmProtected: true });
    expect(sends[0]!.confirmProtected).toBe(true);
  });

  it('re-runs from a step with the variables that run had before it, in the same environment', async () => {
    const capture = (path: string, name: string) => ({ source: { from: 'json' as const, path }, target: { to: 'variable' as const, name } });
    save({
      steps: [
        { kind: 'request', id: 's1', requestId: tree.pay, captures: [capture('$.id', 'payId')] },
        { kind: 'request', id: 's2', requestId: tree.ping, captures: [capture('$.state', 'state')] },
      ],
      variables: [{ name: 'seed', value: 'first' }],
    });
    const { flows, sends } = service({ [tree.pay]: [{ body: '{"id":"P-1"}' }, { body: '{"id":"P-2"}' }], [tree.ping]: [{ status: 500, body: 'down' }, { body: '{"state":"ok"}' }] });
    const sandbox = environment('Sandbox');
    const first = await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r1' });
    expect(first.status).toBe('failed');

    await expect(flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: environment('UAT').id, rerun: { runId: 'r1', fromStep: 1 } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'That run used Sandbox; a re-run from a step keeps its environment.',
    });
    await expect(flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, rerun: { runId: 'nope', fromStep: 1 } })).rejects.toMatchObject({ code: 'not_found' });

    const again = await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r2', rerun: { runId: 'r1', fromStep: 1 } });
    expect(again.status).toBe('succeeded');
    expect(again.steps.map((step) => step.status)).toEqual(['skipped', 'succeeded']);
    expect(sends.map((send) => [send.requestId, send.variablesThen])).toEqual([
      [tree.pay, { seed: 'first' }],
      [tree.ping, { seed: 'first', payId: 'P-1' }],
      [tree.ping, { seed: 'first', payId: 'P-1' }],
    ]);
    expect(flows.runs().map((run) => run.runId)).toEqual(['r2', 'r1']);
  });

  it('stores a secret capture in the vault and lists its name on the environment; a locked vault fails the step', async () => {
    save({ steps: [{ kind: 'request', id: 's1', requestId: tree.pay, captures: [{ source: { from: 'json', path: '$.apiKey' }, target: { to: 'secret', name: 'momo.api_key' } }] }] });
    const { flows } = service({ [tree.pay]: [{ body: '{"apiKey":"k-123456"}' }] });
    const sandbox = environment('Sandbox');
    const state = await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r1' });
    expect(state.status).toBe('succeeded');
    expect(stored).toEqual([{ environment: 'Sandbox', name: 'momo.api_key', value: 'k-123456' }]);
    expect(environment('Sandbox').secrets).toContain('momo.api_key');
    expect(JSON.stringify(flows.stepDetail('r1', 0))).not.toContain('k-123456');

    unlocked = false;
    const locked = await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r2' });
    expect(locked.steps[0]).toMatchObject({ status: 'failed', failure: 'configuration', message: 'The vault is locked: unlock it so momo.api_key can be stored.' });
  });

  it('keeps an environment capture in the workspace', async () => {
    save({ steps: [{ kind: 'request', id: 's1', requestId: tree.pay, captures: [{ source: { from: 'json', path: '$.user' }, target: { to: 'environment', name: 'apiUser' } }] }] });
    const { flows } = service({ [tree.pay]: [{ body: '{"user":"u-9"}' }] });
    await flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: environment('Sandbox').id });
    expect(environment('Sandbox').variables).toContainEqual({ name: 'apiUser', value: 'u-9', enabled: true });
  });

  it('publishes the run live, refuses a second run with the same id while it goes, and cancels by run id', async () => {
    pollForever();
    const { flows, events, waitForEvent } = service({ [tree.pay]: [{ body: '{"status":"PENDING"}' }] }, { holdSleeps: true });
    const sandbox = environment('Sandbox');
    const running = flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r1' });
    await waitForEvent((state) => state.steps[0]!.status === 'waiting');
    expect(flows.runs().map((run) => [run.runId, run.status])).toEqual([['r1', 'running']]);
    await expect(flows.run({ collectionId: tree.collection, flowId: 'f1', environmentId: sandbox.id, runId: 'r1' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A run with this id is still going.',
    });
    expect(flows.cancel('r1')).toEqual({ cancelled: true });
    const state = await running;
    expect(state.status).toBe('cancelled');
    expect(flows.cancel('r1')).toEqual({ cancelled: false });
    expect(events.at(-1)).toEqual(state);
    expect(events.every((event) => event.runId === 'r1')).toBe(true);
  });

  // Two runs started with one runId in the same moment: the id is claimed before the first await, so the second is refused.
  it('refuses a second run with the same id even when both start at once', async () => {
    pollForever();
    const { flows } = service({ [tree.pay]: [{ body: '{"status":"PENDING"}' }] }, { holdSleeps: true });
    const input = { collectionId: tree.collection, flowId: 'f1', environmentId: environment('Sandbox').id, runId: 'same' };
    const settled = (run: Promise<unknown>) =>
      Promise.race([
        run.then(
          () => 'ended',
          () => 'refused',
        ),
        new Promise((resolve) => setTimeout(() => resolve('still running'), 100)),
      ]);
    const first = flows.run(input);
    const second = settled(flows.run(input));
    expect(await second).toBe('refused');
    // With the bug, the first run is no longer in the service's list: close() cannot reach it.
    flows.close();
    expect(await settled(first)).toBe('ended');
  });
});
