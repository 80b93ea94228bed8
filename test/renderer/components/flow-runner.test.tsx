import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../main/contract/flow-model.ts';
import type { FlowRunState, FlowView, RunFlowInput, StepState } from '../../../main/contract/flows.ts';
import { FlowRunner } from '../../../renderer/src/pages/flows/FlowRunner.tsx';
import { fakeApi, renderWithState, type FakeApi } from '../state/fake-api.tsx';

const SANDBOX = { id: 'env-sandbox', name: 'Sandbox', protected: false };
const PRODUCTION = { id: 'env-prod', name: 'Production', protected: true };

const flowV1: Flow = {
  id: 'flow-1',
  name: 'Pay and check',
  description: '',
  variables: [],
  steps: [
    { kind: 'request', id: 'step-a', name: 'Pay', requestId: 'req-pay', captures: [], saveToFile: false, requireSuccess: true },
    { kind: 'request', id: 'step-b', name: 'Check', requestId: 'req-check', captures: [], saveToFile: false, requireSuccess: true },
  ],
};

const viewOf = (flow: Flow): FlowView => ({
  collectionId: 'col-1',
  collectionName: 'PayNet',
  flow,
  requests: { 'req-pay': { name: 'Pay', method: 'POST', url: 'https://x/pay' }, 'req-check': { name: 'Check', method: 'GET', url: 'https://x/check' } },
  environments: [SANDBOX, PRODUCTION],
});

function step(index: number, name: string): StepState {
  return { index, id: `step-${String(index)}`, name, kind: 'request', status: 'succeeded', attempts: 1, message: null, startedAt: 1, durationMs: 5, httpStatus: 200, sendId: null, saved: null, captured: [], failure: null };
}

function finished(input: RunFlowInput & { runId: string }, environment: { id: string; name: string; protected: boolean }): FlowRunState {
  return {
    runId: input.runId,
    flowId: input.flowId,
    flowName: 'Pay and check',
    collectionId: input.collectionId,
    environment,
    status: 'succeeded',
    message: null,
    startedAt: 1,
    finishedAt: 9,
    variables: [],
    steps: [step(0, 'Pay'), step(1, 'Check')],
  };
}

/** Main's flow runner: answers each run with a finished run in the environment asked for, and records the inputs. */
function runnerBackend(): { api: FakeApi; runs: RunFlowInput[] } {
  const runs: RunFlowInput[] = [];
  const environments = [SANDBOX, PRODUCTION];
  const api = fakeApi({
    'flows:runs': () => [],
    'flows:run': (input) => {
      runs.push(input);
      const environment = environments.find((candidate) => candidate.id === input.environmentId) ?? SANDBOX;
      return finished({ ...input, runId: input.runId ?? 'run' }, environment);
    },
  });
  return { api, runs };
}

async function succeeded(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('Succeeded'));
}

describe('FlowRunner: re-run from a step', () => {
  it('with another environment selected now, asks instead of silently re-running in the earlier one', async () => {
    const user = userEvent.setup();
    const { api, runs } = runnerBackend();
    renderWithState(<FlowRunner view={viewOf(flowV1)} />, api);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await succeeded();
    expect(runs[0]?.environmentId).toBe(SANDBOX.id);

    await user.click(screen.getByRole('radio', { name: /Production/ }));
    await user.click(screen.getByRole('button', { name: /^Re-run from step 2: Check/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Which environment?' });
    // Nothing ran yet: the user is asked first.
    expect(runs).toHaveLength(1);
    expect(dialog.textContent).toContain('That run used Sandbox, but Production is selected now.');

    // Choosing the selected environment runs from the start there, through the protected guard.
    await user.click(within(dialog).getByRole('button', { name: 'Run from the start in Production' }));
    const guard = await screen.findByRole('dialog', { name: 'Run in Production?' });
    await user.click(within(guard).getByRole('button', { name: 'Run in Production' }));
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[1]).toMatchObject({ environmentId: PRODUCTION.id, confirmProtected: true });
    expect(runs[1]?.rerun).toBeUndefined();
  });

  it('re-runs in the earlier run’s environment when the user picks that', async () => {
    const user = userEvent.setup();
    const { api, runs } = runnerBackend();
    renderWithState(<FlowRunner view={viewOf(flowV1)} />, api);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await succeeded();
    await user.click(screen.getByRole('radio', { name: /Production/ }));
    await user.click(screen.getByRole('button', { name: /^Re-run from step 2: Check/ }));
    await user.click(await screen.findByRole('button', { name: 'Re-run from step 2 in Sandbox' }));
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[1]).toMatchObject({ environmentId: SANDBOX.id, rerun: { runId: runs[0]?.runId, fromStep: 1 } });
  });

  it('re-runs at once when the selected environment is the run’s', async () => {
    const user = userEvent.setup();
    const { api, runs } = runnerBackend();
    renderWithState(<FlowRunner view={viewOf(flowV1)} />, api);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await succeeded();
    await user.click(screen.getByRole('button', { name: /^Re-run from step 1: Pay/ }));
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(runs[1]).toMatchObject({ environmentId: SANDBOX.id, rerun: { fromStep: 0 } });
  });
});

describe('FlowRunner after the flow was edited', () => {
  const flowV2: Flow = { ...flowV1, steps: [flowV1.steps[1]!, flowV1.steps[0]!] };

  it('does not mark a run this session did not start (its version is unknown)', async () => {
    const { api } = runnerBackend();
    api.handle({ 'flows:runs': () => [finished({ collectionId: 'col-1', flowId: 'flow-1', environmentId: SANDBOX.id, runId: 'from-another-window' }, SANDBOX)] });
    renderWithState(<FlowRunner view={viewOf(flowV2)} />, api);
    await succeeded();
    expect(screen.queryByTestId('run-earlier-version')).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Re-run from step/ })).toHaveLength(2);
  });

  it('marks the run as the earlier version when the flow changes under a shown run', async () => {
    const user = userEvent.setup();
    const { api } = runnerBackend();
    const view = renderWithState(<FlowRunner view={viewOf(flowV1)} />, api);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await succeeded();
    expect(screen.getAllByRole('button', { name: /^Re-run from step/ })).toHaveLength(2);
    act(() => view.rerender(<FlowRunner view={viewOf(flowV2)} />));
    expect((await screen.findByTestId('run-earlier-version')).textContent).toContain('earlier version of Pay and check');
    expect(screen.queryAllByRole('button', { name: /^Re-run from step/ })).toHaveLength(0);
    // Its results stay for reference.
    expect(screen.getByTestId('run-status').textContent).toBe('Succeeded');
  });

  it('marks the run when the runner is shown again after an edit (the page remounts it)', async () => {
    const user = userEvent.setup();
    const { api, runs } = runnerBackend();
    const first = renderWithState(<FlowRunner view={viewOf(flowV1)} />, api);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await succeeded();
    const runId = runs[0]?.runId ?? '';
    api.handle({ 'flows:runs': () => [finished({ collectionId: 'col-1', flowId: 'flow-1', environmentId: SANDBOX.id, runId }, SANDBOX)] });
    first.unmount();
    renderWithState(<FlowRunner view={viewOf(flowV2)} />, api, first.uiStore);
    expect((await screen.findByTestId('run-earlier-version')).textContent).toContain('edited since');
    expect(screen.queryAllByRole('button', { name: /^Re-run from step/ })).toHaveLength(0);
  });
});
