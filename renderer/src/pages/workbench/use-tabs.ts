import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { RequestNode, RequestPatch, WorkspaceNode } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { channelKey } from '../../state/channel-key.ts';
import { useUiStoreApi } from '../../state/provider.tsx';
import type { OpenTab } from '../../state/slices/tabs.ts';
import { useEvent } from '../../state/use-channel.ts';
import { useUiShallow } from '../../state/use-ui.ts';

export type { OpenTab } from '../../state/slices/tabs.ts';

export type TabsView = {
  order: string[];
  tabs: Readonly<Record<string, OpenTab>>;
  activeId: string | null;
  error: string | null;
  open: (id: string) => void;
  close: (id: string) => void;
  activate: (id: string) => void;
  edit: (id: string, change: (draft: RequestNode) => RequestNode) => void;
  /** Writes the draft to the workspace; resolves when main has it. */
  save: (id: string) => Promise<void>;
  /** Ends a conflict: `mine` saves the draft over the file (again, if it was deleted), `theirs` drops the draft for what is on disk. */
  resolveConflict: (id: string, choice: 'mine' | 'theirs') => Promise<void>;
};

export function isDirty(tab: OpenTab): boolean {
  return JSON.stringify(tab.saved) !== JSON.stringify(tab.draft);
}

function patchOf(draft: RequestNode): RequestPatch {
  const patch: RequestPatch = { method: draft.method, url: draft.url, params: draft.params, headers: draft.headers, body: draft.body, auth: draft.auth };
  if (draft.settings) patch.settings = draft.settings;
  if (draft.description !== undefined) patch.description = draft.description;
  if (draft.assertions) patch.assertions = draft.assertions;
  return patch;
}

/** A saved copy arriving from main: a clean tab follows it; unsaved edits stay (a rename made in the sidebar still shows). */
function follow(tab: OpenTab | undefined, node: RequestNode): OpenTab | undefined {
  if (!tab) return { saved: node, draft: node };
  if (tab.saved === node) return tab;
  const draft = isDirty(tab) ? { ...tab.draft, name: node.name } : node;
  // A conflict stays until the user resolves it.
  return { ...tab, saved: node, draft };
}

/**
 * Open request tabs. The tab list and drafts live in the UI store (they
 * outlive a visit to another page, never a restart); each tab's saved copy is
 * `workspace:get` in the query cache, refetched when main says that request
 * changed. Edits stay local (the draft) until saved.
 */
export function useTabs(): TabsView {
  const api = useApi();
  const queries = useQueryClient();
  const store = useUiStoreApi();
  const { order, tabs, activeId } = useUiShallow((state) => ({ order: state.tabOrder, tabs: state.tabs, activeId: state.activeTabId }));
  const [saveError, setSaveError] = useState<string | null>(null);

  // Each open tab's saved copy; refetched on return to the page, so what was saved (or deleted) meanwhile shows.
  const saved = useQueries({
    queries: order.map((id) => ({ queryKey: channelKey('workspace:get', { id }), queryFn: (): Promise<WorkspaceNode> => api.invoke['workspace:get']({ id }) })),
  });

  useEvent('workspace:changed', ({ ids }) => {
    const open = store.getState().tabOrder;
    // Only the open requests main named are read again (an in-flight read of one is superseded).
    for (const id of ids) if (open.includes(id)) void queries.invalidateQueries({ queryKey: channelKey('workspace:get', { id }) });
  });

  // Changed on disk under unsaved edits: a conflict, not a silent overwrite either way.
  useEvent('workspace:reloaded', ({ changed, removed }) => {
    const state = store.getState();
    state.markDeletedOnDisk(removed, true);
    for (const id of changed) state.putTab(id, (tab) => (tab && isDirty(tab) ? { ...tab, conflict: 'changed' } : tab));
  });

  // What main answered, into the tabs: a new saved copy, or a request gone. Idempotent, so it may run after every render.
  useEffect(() => {
    const state = store.getState();
    saved.forEach((result, index) => {
      const id = state.tabOrder[index];
      if (id === undefined || id !== order[index]) return;
      const tab = state.tabs[id];
      if (result.error instanceof ApiError && result.error.code === 'not_found') {
        if (tab?.conflict === 'deleted') return;
        if (tab && isDirty(tab) && state.deletedOnDisk[id]) state.putTab(id, (current) => (current ? { ...current, conflict: 'deleted' } : current));
        else state.closeTab(id);
      } else if (result.data?.kind === 'request' && result.data !== tab?.saved) {
        const node = result.data;
        state.putTab(id, (current) => follow(current, node));
      }
    });
  });
  const readError = saved.find((result) => result.error && !(result.error instanceof ApiError && result.error.code === 'not_found'))?.error;

  const open = useCallback((id: string) => store.getState().openTab(id), [store]);
  const close = useCallback((id: string) => store.getState().closeTab(id), [store]);
  const activate = useCallback((id: string) => store.getState().activateTab(id), [store]);
  const edit = useCallback((id: string, change: (draft: RequestNode) => RequestNode) => store.getState().putTab(id, (tab) => (tab ? { ...tab, draft: change(tab.draft) } : tab)), [store]);

  const save = useCallback(
    async (id: string) => {
      const tab = store.getState().tabs[id];
      if (!tab) return;
      try {
        const next = await api.invoke['workspace:update-request']({ id, patch: patchOf(tab.draft) });
        queries.setQueryData(channelKey('workspace:get', { id }), next);
        store.getState().putTab(id, (now) => {
          if (!now) return now;
          // Edits typed while the save was in flight stay as a draft.
          const draft = JSON.stringify(now.draft) === JSON.stringify(tab.draft) ? next : now.draft;
          return { saved: next, draft };
        });
        setSaveError(null);
      } catch (reason) {
        setSaveError(errorMessage(reason));
        throw reason;
      }
    },
    [api, queries, store],
  );

  const resolveConflict = useCallback(
    async (id: string, choice: 'mine' | 'theirs') => {
      const state = store.getState();
      const tab = state.tabs[id];
      if (tab?.conflict === 'deleted') {
        state.markDeletedOnDisk([id], false);
        if (choice === 'theirs') return state.closeTab(id);
        // Saved again as a new request in its old place (its folder must still be there).
        const { draft } = tab;
        const created = await api.invoke['workspace:create']({ kind: 'request', parentId: draft.parentId, name: draft.name, method: draft.method, url: draft.url });
        const next = await api.invoke['workspace:update-request']({ id: created.id, patch: patchOf(draft) });
        queries.setQueryData(channelKey('workspace:get', { id: next.id }), next);
        const after = store.getState();
        after.closeTab(id);
        after.putTab(next.id, () => ({ saved: next, draft: next }));
        after.openTab(next.id);
        return;
      }
      if (choice === 'mine') await save(id);
      store.getState().putTab(id, (current) => (current ? { saved: current.saved, draft: choice === 'theirs' ? current.saved : current.draft } : current));
    },
    [api, queries, save, store],
  );

  return { order, tabs, activeId, error: saveError ?? (readError ? errorMessage(readError) : null), open, close, activate, edit, save, resolveConflict };
}
