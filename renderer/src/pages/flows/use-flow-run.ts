import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Flow } from '../../../../main/contract/flow-model.ts';
import type { FlowRunState, RunFlowInput } from '../../../../main/contract/flows.ts';
import type { HttpProgress } from '../../../../main/contract/http.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { channelKey } from '../../state/channel-key.ts';
import { useEvent } from '../../state/use-channel.ts';
import { useUi } from '../../state/use-ui.ts';

export type RunStart = Omit<RunFlowInput, 'runId'>;

export type FlowRunView = {
  /** The latest run of this flow (live while it runs), or null when none is kept. */
  run: FlowRunState | null;
  /** The run started from an earlier version of the flow (edited since): its steps may not match the flow shown. */
  fromEarlierVersion: boolean;
  /** Between asking main to run and the run's first state. */
  starting: boolean;
  /** The download progress of the step sending now. */
  progress: HttpProgress | null;
  error: string | null;
  start: (input: RunStart) => void;
  cancel: () => void;
};

const isOver = (state: FlowRunState) => state.status !== 'running';
const RUNS_KEY = channelKey('flows:runs', {});

/** Events and call answers come on different channels: an older "running" state never replaces an ended one. */
function mergeRun(runs: readonly FlowRunState[], state: FlowRunState): FlowRunState[] {
  const index = runs.findIndex((known) => known.runId === state.runId);
  if (index < 0) return [state, ...runs];
  const known = runs[index];
  if (known && isOver(known) && !isOver(state)) return [...runs];
  return runs.map((each, at) => (at === index ? state : each));
}

function acceptRun(queries: QueryClient, state: FlowRunState): void {
  queries.setQueryData<FlowRunState[]>(RUNS_KEY, (runs = []) => mergeRun(runs, state));
}

/** What the flow's steps and variables are now: a run records it, so an edit since can be told. */
export function flowVersion(flow: Flow): string {
  return JSON.stringify({ variables: flow.variables, steps: flow.steps });
}

/**
 * Main's runs (newest first, kept while the app is open) in the query cache,
 * kept live by `flows:run-changed`. One list for the page and every runner.
 */
export function useFlowRuns() {
  const api = useApi();
  const queries = useQueryClient();
  useEvent('flows:run-changed', (state) => acceptRun(queries, state));
  return useQuery<FlowRunState[]>({
    queryKey: RUNS_KEY,
    queryFn: async () => {
      const fresh = await api.invoke['flows:runs']({});
      // A run that ended while this answer travelled keeps its end.
      const known = queries.getQueryData<FlowRunState[]>(RUNS_KEY) ?? [];
      return fresh.map((state) => {
        const seen = known.find((each) => each.runId === state.runId);
        return seen && isOver(seen) && !isOver(state) ? seen : state;
      });
    },
  });
}

/**
 * One flow's runs as the runner shows them: the renderer draws the run id,
 * so `flows:run-changed` events can be told apart from other runs. A run
 * still going when the page opens (or the flow is reselected) is picked up.
 */
export function useFlowRun(collectionId: string, flow: Flow): FlowRunView {
  const api = useApi();
  const queries = useQueryClient();
  const runs = useFlowRuns();
  const [startedRunId, setStartedRunId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [progress, setProgress] = useState<HttpProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recordRunVersion = useUi((state) => state.recordRunVersion);
  const versions = useUi((state) => state.flowVersionByRun);

  const list = runs.data ?? [];
  // The run this runner started, once main has it; otherwise the latest run of this flow.
  const run = startedRunId !== null ? (list.find((state) => state.runId === startedRunId) ?? null) : (list.find((state) => state.flowId === flow.id && state.collectionId === collectionId) ?? null);

  useEvent('requests:progress', (event) => {
    if (run?.steps.some((step) => step.sendId === event.requestId)) setProgress(event);
  });

  const version = flowVersion(flow);
  const start = useCallback(
    (input: RunStart) => {
      const runId = crypto.randomUUID();
      recordRunVersion(runId, version);
      setStartedRunId(runId);
      setProgress(null);
      setError(null);
      setStarting(true);
      api.invoke['flows:run']({ ...input, runId })
        .then(
          (state) => acceptRun(queries, state),
          (reason: unknown) => setError(errorMessage(reason)),
        )
        .finally(() => setStarting(false));
    },
    [api, queries, recordRunVersion, version],
  );

  const runId = run?.runId;
  const cancel = useCallback(() => {
    if (runId) api.invoke['flows:cancel']({ runId }).catch((reason: unknown) => setError(errorMessage(reason)));
  }, [api, runId]);

  const recorded = run ? versions[run.runId] : undefined;
  return { run, fromEarlierVersion: recorded !== undefined && recorded !== version, starting: starting && run === null, progress, error, start, cancel };
}
