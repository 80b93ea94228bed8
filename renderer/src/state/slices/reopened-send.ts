import type { StateCreator } from 'zustand';
import type { HistoryEntry } from '../../../../main/contract/history.ts';

/**
 * The History entry last reopened in the workbench: its outcome and assertion
 * results show above its request until closed or sent again, and a visit to
 * another page keeps it. It came through main's redactor; nothing is persisted.
 */
export type ReopenedSendSlice = {
  reopenedSend: HistoryEntry | null;
  setReopenedSend: (entry: HistoryEntry | null) => void;
};

export const createReopenedSendSlice: StateCreator<ReopenedSendSlice, [], [], ReopenedSendSlice> = (set) => ({
  reopenedSend: null,
  setReopenedSend: (entry) => set({ reopenedSend: entry }),
});
