import type { StateCreator } from 'zustand';

export type SelectedFlow = { collectionId: string; flowId: string };

/** The flow the Flows page shows: chosen there or from the command palette, and kept across page visits. */
export type FlowSelectionSlice = {
  selectedFlow: SelectedFlow | null;
  selectFlow: (flow: SelectedFlow | null) => void;
};

export const createFlowSelectionSlice: StateCreator<FlowSelectionSlice, [], [], FlowSelectionSlice> = (set) => ({
  selectedFlow: null,
  selectFlow: (flow) => set({ selectedFlow: flow }),
});
