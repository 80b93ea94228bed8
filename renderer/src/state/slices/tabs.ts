import type { StateCreator } from 'zustand';
import type { RequestNode } from '../../../../main/contract/workspace.ts';

/**
 * `saved` follows the workspace; `draft` holds unsaved edits. `conflict`: the
 * request changed on disk (a workspace folder reloaded after git pull or an
 * editor's save) while the draft had unsaved edits; both are kept until the
 * user picks one.
 */
export type OpenTab = { saved: RequestNode; draft: RequestNode; conflict?: 'changed' | 'deleted' };

/** Open request tabs and their drafts: they outlive a visit to another page, never a restart. */
export type TabsSlice = {
  tabOrder: string[];
  tabs: Readonly<Record<string, OpenTab>>;
  activeTabId: string | null;
  /** Requests a reload found deleted on disk: a dirty tab of one becomes a conflict instead of closing. */
  deletedOnDisk: Readonly<Record<string, true>>;
  /** Adds the id to the tab strip (once) and shows it; its content arrives with putTab. */
  openTab: (id: string) => void;
  /** Closing the tab in view shows its neighbour, as editors do. */
  closeTab: (id: string) => void;
  activateTab: (id: string | null) => void;
  /** Replaces one tab's content; `change` gets the current tab (undefined if it has none yet). Returning undefined leaves it. */
  putTab: (id: string, change: (tab: OpenTab | undefined) => OpenTab | undefined) => void;
  markDeletedOnDisk: (ids: readonly string[], deleted: boolean) => void;
};

export const createTabsSlice: StateCreator<TabsSlice, [], [], TabsSlice> = (set) => ({
  tabOrder: [],
  tabs: {},
  activeTabId: null,
  deletedOnDisk: {},
  openTab: (id) => set((state) => ({ tabOrder: state.tabOrder.includes(id) ? state.tabOrder : [...state.tabOrder, id], activeTabId: id })),
  closeTab: (id) =>
    set((state) => {
      const tabOrder = state.tabOrder.filter((other) => other !== id);
      const tabs = Object.fromEntries(Object.entries(state.tabs).filter(([key]) => key !== id));
      return { tabOrder, tabs, activeTabId: state.activeTabId === id ? (tabOrder.at(-1) ?? null) : state.activeTabId };
    }),
  activateTab: (id) => set({ activeTabId: id }),
  putTab: (id, change) =>
    set((state) => {
      const next = change(state.tabs[id]);
      if (next === undefined || next === state.tabs[id]) return {};
      return { tabs: { ...state.tabs, [id]: next } };
    }),
  markDeletedOnDisk: (ids, deleted) =>
    set((state) => {
      const kept = Object.keys(state.deletedOnDisk).filter((id) => deleted || !ids.includes(id));
      const all = deleted ? [...new Set([...kept, ...ids])] : kept;
      return { deletedOnDisk: Object.fromEntries(all.map((id) => [id, true as const])) };
    }),
});
