import type { StateCreator } from 'zustand';

/** The History entry the user picked for the signature debugger to compare against. */
export type CompareTarget = { historyId: string; label: string };

/** History and the debugger sit side by side: the pick must survive the debugger re-rendering for another send. */
export type DebuggerSlice = {
  compareTarget: CompareTarget | null;
  pickCompareTarget: (target: CompareTarget | null) => void;
};

export const createDebuggerSlice: StateCreator<DebuggerSlice, [], [], DebuggerSlice> = (set) => ({
  compareTarget: null,
  pickCompareTarget: (target) => set({ compareTarget: target }),
});
