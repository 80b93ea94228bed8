import type { StateCreator } from 'zustand';

/** Bounds for a remembered pane size (pixels): a hand-edited or stale value outside them is dropped. */
export const PANE_MIN = 0;
export const PANE_MAX = 10_000;
// As many as main remembers (MAX_REMEMBERED_PANES in the contract).
const MAX_PANES = 64;

/** Pane sizes by pane id (e.g. "workbench.sidebar": letters, digits, dots, dashes), remembered per user across restarts (layout-sync.ts). */
export type LayoutSlice = {
  paneSizes: Readonly<Record<string, number>>;
  setPaneSize: (paneId: string, size: number) => void;
  resetPaneSize: (paneId: string) => void;
};

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = (set) => ({
  paneSizes: {},
  setPaneSize: (paneId, size) =>
    set((state) => {
      if (!Number.isFinite(size) || !/^[\w.-]{1,128}$/.test(paneId)) return {};
      const rounded = Math.min(PANE_MAX, Math.max(PANE_MIN, Math.round(size)));
      if (state.paneSizes[paneId] === rounded) return {};
      return { paneSizes: { ...state.paneSizes, [paneId]: rounded } };
    }),
  resetPaneSize: (paneId) =>
    set((state) => ({ paneSizes: Object.fromEntries(Object.entries(state.paneSizes).filter(([key]) => key !== paneId)) })),
});

/** Keeps only well-formed entries of what storage gave back. */
export function cleanPaneSizes(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  const entries = Object.entries(value as Record<string, unknown>)
    .filter((entry): entry is [string, number] => entry[0].length <= 128 && /^[\w.-]+$/.test(entry[0]) && typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] >= PANE_MIN && entry[1] <= PANE_MAX)
    .slice(0, MAX_PANES);
  return Object.fromEntries(entries);
}
