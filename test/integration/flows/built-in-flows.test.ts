import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRunState, FlowSummary, FlowView, StepDetail } from '../../../main/contract/flows.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createBackend } from '../../../main/services/backend.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { contractCaller } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('built-in flows against the sandbox, through the contract', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let flows: FlowSummary[];
  const events: FlowRunState[] = [];
  const call = contractCaller(() => backend);
  const flowNamed = (collection: string, name: string) => {
    const flow = flows.find((candidate) => candidate.collectionName === collection && candidate.name === name);
    if (!flow) throw new Error(`no flow ${collection} / ${name}`);
    return flow;
  };
  const sandboxOf = async (flow: FlowSummary) => {
    const view = await call<FlowView>('flows:get', { collectionId: flow.collectionId, flowId: flow.id });
    return view.environments.find((env) => env.name === 'Sandbox')!.id;
  };

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = createBackend({
      mode: 'browser',
      dataDir: dir.path,
      stores: createConfStoreFactory(dir.path),
      vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } },
      downloadsDir: () => dir.path,
    });
    backend.bus.subscribe((name, payload) => {
      if (name === 'flows:run-changed') events.push(payload as FlowRunState);
    });
    await call('vault:setup', { passphrase: 'a passphrase for tests' });
    for (let i = 0; i < 100 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    flows = await call<FlowSummary[]>('flows:list', {});
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  it('lists the built-in flows', () => {
    expect(flows.map((flow) => `${flow.collectionName} / ${flow.name}`)).toEqual([
      'PayNet OSP / Download report',
      'MTN MoMo / Provision sandbox API user',
      'MTN MoMo / Request to pay and wait for the callback',
    ]);
  });

  it('PayNet "Download report": token, report, polls until READY, streams the CSV to a file', async () => {
    const flow = flowNamed('PayNet OSP', 'Download report');
    const state = await call<FlowRunState>('flows:run', { collectionId: flow.collectionId, flowId: flow.id, environmentId: await sandboxOf(flow), runId: 'paynet-1' });
    expect(state.status, state.message ?? '').toBe('succeeded');
    expect(state.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(state.steps[2]!.attempts).toBeGreaterThan(1);
    const reportId = state.variables.find((variable) => variable.name === 'reportId')!.value;
    expect(reportId).toMatch(/^RPT-/);
    const saved = state.steps[3]!.saved!;
    expect(saved.path.endsWith(`${reportId}.csv`)).toBe(true);
    expect(saved.bytes).toBe(8 * 1024 * 1024);
    expect((await readFile(saved.path)).length).toBe(saved.bytes);
    // Live events showed the poll waiting before it succeeded.
    expect(events.some((event) => event.runId === 'paynet-1' && event.steps[2]!.status === 'waiting')).toBe(true);
    const detail = await call<StepDetail>('flows:step-detail', { runId: 'paynet-1', index: 1 });
    expect(detail.kind).toBe('request');
    if (detail.kind === 'request') {
      expect(detail.request.headers.find((h) => h.name.toLowerCase() === 'authorization')!.value).not.toContain('osp_');
      expect(detail.traces.length).toBeGreaterThan(0);
    }
  });

  it('PayNet "Download report" asks for the report its variables describe: defaults, then the values given for the run', async () => {
    const flow = flowNamed('PayNet OSP', 'Download report');
    const view = await call<FlowView>('flows:get', { collectionId: flow.collectionId, flowId: flow.id });
    expect(view.flow.variables.map((variable) => variable.name)).toEqual(['reportType', 'dateFrom', 'dateTo', 'format']);
    const environmentId = await sandboxOf(flow);
    const sentBody = async (runId: string) => {
      const detail = await call<StepDetail>('flows:step-detail', { runId, index: 1 });
      if (detail.kind !== 'request') throw new Error('no request detail');
      return JSON.parse(detail.request.body) as Record<string, unknown>;
    };
    const byDefault = await call<FlowRunState>('flows:run', { collectionId: flow.collectionId, flowId: flow.id, environmentId, runId: 'paynet-defaults' });
    expect(byDefault.status, byDefault.message ?? '').toBe('succeeded');
    const yesterday = new Date(byDefault.startedAt - 86_400_000).toISOString().slice(0, 10);
    expect(await sentBody('paynet-defaults')).toMatchObject({ reportType: 'settlement', dateFrom: yesterday, dateTo: yesterday, format: 'csv' });
    const chosen = { reportType: 'transactions', dateFrom: '2026-11-01', dateTo: '2026-11-30', format: 'xlsx' };
    const given = await call<FlowRunState>('flows:run', { collectionId: flow.collectionId, flowId: flow.id, environmentId, runId: 'paynet-given', variables: chosen });
    expect(given.status, given.message ?? '').toBe('succeeded');
    expect(await sentBody('paynet-given')).toMatchObject(chosen);
  });

  it('MoMo "Provision sandbox API user": new user, key into the vault, user into the environment, token proves it', async () => {
    const flow = flowNamed('MTN MoMo', 'Provision sandbox API user');
    const environmentId = await sandboxOf(flow);
    const state = await call<FlowRunState>('flows:run', { collectionId: flow.collectionId, flowId: flow.id, environmentId, runId: 'momo-provision' });
    expect(state.status, state.message ?? '').toBe('succeeded');
    const apiUser = state.variables.find((variable) => variable.name === 'apiUser')!.value;
    expect(apiUser).toMatch(/^[0-9a-f-]{36}$/);
    expect(apiUser).not.toBe(SANDBOX_CREDENTIALS.momo.apiUser);
    expect(state.steps[1]!.captured).toEqual([
      { target: 'secret momo.api_key (Sandbox vault)', value: null },
      { target: 'Sandbox variable apiUser', value: apiUser },
    ]);
    const stored = await backend.vault.get('Sandbox', 'momo.api_key');
    expect(stored).not.toBe(SANDBOX_CREDENTIALS.momo.apiKey);
    expect(stored).toMatch(/^[0-9a-f]{32}$/);
    // The key is in no view the renderer can ask for.
    const detail = await call<StepDetail>('flows:step-detail', { runId: 'momo-provision', index: 1 });
    expect(JSON.stringify(detail)).not.toContain(stored);
    expect(JSON.stringify(state)).not.toContain(stored);
    expect(JSON.stringify(events)).not.toContain(stored);
    const envs = await call<{ id: string; variables: { name: string; value: string }[] }[]>('workspace:environments', { collectionId: flow.collectionId });
    expect(envs.find((env) => env.id === environmentId)!.variables.find((variable) => variable.name === 'apiUser')!.value).toBe(apiUser);
  });

  it('MoMo "Request to pay and wait for the callback": the callback arrives in the inbox and releases the step', async () => {
    const flow = flowNamed('MTN MoMo', 'Request to pay and wait for the callback');
    const state = await call<FlowRunState>('flows:run', { collectionId: flow.collectionId, flowId: flow.id, environmentId: await sandboxOf(flow), runId: 'momo-pay' });
    expect(state.status, state.message ?? '').toBe('succeeded');
    const value = (name: string) => state.variables.find((variable) => variable.name === name)?.value;
    expect(value('paymentStatus')).toBe('SUCCESSFUL');
    expect(value('confirmedStatus')).toBe('SUCCESSFUL');
    expect(events.some((event) => event.runId === 'momo-pay' && event.steps[1]!.status === 'waiting')).toBe(true);
    const entries = await call<{ method: string; path: string; body: string }[]>('inbox:entries', {});
    expect(entries[0]).toMatchObject({ method: 'PUT', path: '/momo/requesttopay' });
    expect(entries[0]!.body).toContain(value('externalId')!);
    // The payment's inputs default to the environment's values and reach the request as sent.
    const detail = await call<StepDetail>('flows:step-detail', { runId: 'momo-pay', index: 0 });
    if (detail.kind !== 'request') throw new Error('no request detail');
    expect(JSON.parse(detail.request.body)).toMatchObject({ amount: '5.00', currency: 'EUR', payer: { partyId: '46733123460' } });
  });

  it('MoMo "Request to pay and wait for the callback" sends the amount and currency given for the run', async () => {
    const flow = flowNamed('MTN MoMo', 'Request to pay and wait for the callback');
    const state = await call<FlowRunState>('flows:run', {
      collectionId: flow.collectionId,
      flowId: flow.id,
      environmentId: await sandboxOf(flow),
      runId: 'momo-pay-given',
      variables: { amount: '12.34', currency: 'XAF' },
    });
    expect(state.status, state.message ?? '').toBe('succeeded');
    const detail = await call<StepDetail>('flows:step-detail', { runId: 'momo-pay-given', index: 0 });
    if (detail.kind !== 'request') throw new Error('no request detail');
    expect(JSON.parse(detail.request.body)).toMatchObject({ amount: '12.34', currency: 'XAF' });
  });
});
