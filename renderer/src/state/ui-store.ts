import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createEnvironmentsSlice, type EnvironmentsSlice } from './slices/environments.ts';
import { createFlowRunsSlice, type FlowRunsSlice } from './slices/flow-runs.ts';
import { cleanPaneSizes, createLayoutSlice, type LayoutSlice } from './slices/layout.ts';
import { createTabsSlice, type TabsSlice } from './slices/tabs.ts';

/**
 * The renderer's one store for UI state that is not main's data: open tabs,
 * the environment chosen per collection, layout. Main's data lives in the
 * query cache (useChannel), never here. Add a slice in slices/ and spread it in.
 */
export type UiState = TabsSlice & EnvironmentsSlice & LayoutSlice & FlowRunsSlice;

export type UiStore = StoreApi<UiState>;

/** Only the layout is remembered across restarts; tabs and environment choices last one session. */
type Persisted = Pick<LayoutSlice, 'paneSizes'>;

export const UI_STORAGE_KEY = 'countersign.ui';

export function createUiStore(storage: StateStorage | null = defaultStorage()): UiStore {
  const slices = (...args: Parameters<Parameters<typeof persist<UiState, [], [], Persisted>>[0]>): UiState => ({
    ...createTabsSlice(...args),
    ...createEnvironmentsSlice(...args),
    ...createLayoutSlice(...args),
    ...createFlowRunsSlice(...args),
  });
  if (!storage) return createStore<UiState>()((set, get, api) => slices(set, get, api as never));
  return createStore<UiState>()(
    persist(slices, {
      name: UI_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => storage),
      partialize: (state): Persisted => ({ paneSizes: state.paneSizes }),
      // What storage gives back may have been edited by hand: take only well-formed sizes.
      merge: (persisted, current) => ({ ...current, paneSizes: cleanPaneSizes((persisted as Partial<Persisted> | undefined)?.paneSizes) }),
    }),
  );
}

function defaultStorage(): StateStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    // Storage refused (a locked-down profile): the layout is simply not remembered.
    return null;
  }
}
