import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlowRunState, RunFlowInput } from '../../../../main/contract/flows.ts';
import type { HttpProgress } from '../../../../main/contract/http.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

export type RunStart = Omit<RunFlowInput, 'runId'>;

export type FlowRunView = {
  /** The latest run of this flow (live while it runs), or null when none is kept. */
  run: FlowRunState | null;
  /** Between asking main to run and the run's first state. */
  starting: boolean;
  /** The download progress of the step sending now. */
  progress: HttpProgress | null;
  error: string | null;
  start: (input: RunStart) => void;
  cancel: () => void;
};

const isOver = (state: FlowRunState) => state.status !== 'running';

/**
 * One flow's runs as the runner shows them: the renderer draws the run id,
 * so `flows:run-changed` events can be told apart from other runs. A run
 * still going when the page opens (or the flow is reselected) is picked up.
 */
export function useFlowRun(collectionId: string, flowId: string): FlowRunView {
  const api = useApi();
  const [run, setRun] = useState<FlowRunState | null>(null);
  const [starting, setStarting] = useState(false);
  const [progress, setProgress] = useState<HttpProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runRef = useRef<{ runId: string; state: FlowRunState | null } | null>(null);

  // Events and the call's own answer come on different channels; an older "running" state never replaces an ended one.
  const accept = useCallback((state: FlowRunState) => {
    const current = runRef.current;
    if (current?.runId !== state.runId) return;
    if (current.state && isOver(current.state) && !isOver(state)) return;
    current.state = state;
    setRun(state);
  }, []);

  // The caller mounts one runner per flow (keyed), so this subscribes once per flow.
  useEffect(() => {
    let live = true;
    const offRun = api.on('flows:run-changed', accept);
    const offProgress = api.on('requests:progress', (event) => {
      const state = runRef.current?.state;
      if (state?.steps.some((step) => step.sendId === event.requestId)) setProgress(event);
    });
    api.invoke['flows:runs']({}).then(
      (runs) => {
        const latest = runs.find((state) => state.flowId === flowId && state.collectionId === collectionId);
        if (!live || !latest || runRef.current) return;
        runRef.current = { runId: latest.runId, state: latest };
        setRun(latest);
      },
      () => undefined,
    );
    return () => {
      live = false;
      offRun();
      offProgress();
    };
  }, [api, accept, collectionId, flowId]);

  const start = useCallback(
    (input: RunStart) => {
      const runId = crypto.randomUUID();
      runRef.current = { runId, state: null };
      setRun(null);
      setProgress(null);
      setError(null);
      setStarting(true);
      api.invoke['flows:run']({ ...input, runId })
        .then(accept, (reason: unknown) => {
          if (runRef.current?.runId === runId) setError(errorMessage(reason));
        })
        .finally(() => {
          if (runRef.current?.runId === runId) setStarting(false);
        });
    },
    [api, accept],
  );

  const cancel = useCallback(() => {
    const runId = runRef.current?.runId;
    if (runId) api.invoke['flows:cancel']({ runId }).catch((reason: unknown) => setError(errorMessage(reason)));
  }, [api]);

  return { run, starting: starting && run === null, progress, error, start, cancel };
}
