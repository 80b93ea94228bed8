import type { StateCreator } from 'zustand';

/**
 * The version of the flow each run started from (a fingerprint of its steps
 * and variables), for this session: the runner tells a run of an earlier
 * version (the flow was edited since) from a run of the flow shown.
 */
export type FlowRunsSlice = {
  flowVersionByRun: Readonly<Record<string, string>>;
  recordRunVersion: (runId: string, version: string) => void;
};

export const createFlowRunsSlice: StateCreator<FlowRunsSlice, [], [], FlowRunsSlice> = (set) => ({
  flowVersionByRun: {},
  recordRunVersion: (runId, version) => set((state) => ({ flowVersionByRun: { ...state.flowVersionByRun, [runId]: version } })),
});
