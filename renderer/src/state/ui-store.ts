import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDebuggerSlice, type DebuggerSlice } from './slices/debugger.ts';
import { createEnvironmentsSlice, type EnvironmentsSlice } from './slices/environments.ts';
import { createFlowSelectionSlice, type FlowSelectionSlice } from './slices/flow-selection.ts';
import { createFlowRunsSlice, type FlowRunsSlice } from './slices/flow-runs.ts';
import { createLastSendSlice, type LastSendSlice } from './slices/last-send.ts';
import { createLayoutSlice, type LayoutSlice } from './slices/layout.ts';
import { createReopenedSendSlice, type ReopenedSendSlice } from './slices/reopened-send.ts';
import { createTabsSlice, type TabsSlice } from './slices/tabs.ts';

/**
 * The renderer's one store for UI state that is not main's data: open tabs,
 * the environment chosen per collection, layout. Main's data lives in the
 * query cache (useChannel), never here. Add a slice in slices/ and spread it in.
 * Only the layout is remembered across restarts, through main (layout-sync.ts);
 * tabs and environment choices last one session.
 */
export type UiState = TabsSlice & EnvironmentsSlice & LayoutSlice & FlowRunsSlice & DebuggerSlice & LastSendSlice & FlowSelectionSlice & ReopenedSendSlice;

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((...args) => ({
    ...createTabsSlice(...args),
    ...createEnvironmentsSlice(...args),
    ...createLayoutSlice(...args),
    ...createFlowRunsSlice(...args),
    ...createDebuggerSlice(...args),
    ...createLastSendSlice(...args),
    ...createFlowSelectionSlice(...args),
    ...createReopenedSendSlice(...args),
  }));
}
