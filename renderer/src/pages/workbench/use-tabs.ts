import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestNode, RequestPatch } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';

/**
 * `saved` follows the workspace; `draft` holds unsaved edits. `conflict`: the
 * request changed on disk (a workspace folder reloaded after git pull or an
 * editor's save) while the draft had unsaved edits; both are kept until the
 * user picks one.
 */
export type OpenTab = { saved: RequestNode; draft: RequestNode; conflict?: 'changed' | 'deleted' };

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

// Open tabs and their drafts outlive a visit to another page (the page unmounts); they are never persisted.
let remembered: { order: string[]; tabs: Record<string, OpenTab>; activeId: string | null } = { order: [], tabs: {}, activeId: null };

/** Open request tabs. Edits stay local (the draft) until saved; the saved copy follows the workspace. */
export function useTabs(): TabsView {
  const api = useApi();
  const [order, setOrder] = useState<string[]>(remembered.order);
  const [tabs, setTabs] = useState<Record<string, OpenTab>>(remembered.tabs);
  const [activeId, setActiveId] = useState<string | null>(remembered.activeId);
  const [error, setError] = useState<string | null>(null);
  const tabsRef = useRef(tabs);
  // Requests a reload found deleted on disk: a dirty tab of one becomes a conflict instead of closing.
  const deletedOnDisk = useRef(new Set<string>());
  const orderRef = useRef(order);
  useEffect(() => {
    tabsRef.current = tabs;
    orderRef.current = order;
    remembered = { order, tabs, activeId };
  }, [tabs, order, activeId]);

  const drop = useCallback((id: string) => {
    const rest = orderRef.current.filter((other) => other !== id);
    setOrder(rest);
    setTabs((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== id)));
    // Closing the tab in view shows its neighbour, as editors do.
    setActiveId((current) => (current === id ? (rest.at(-1) ?? null) : current));
  }, []);

  const refresh = useCallback(
    (id: string) => {
      api.invoke['workspace:get']({ id }).then(
        (node) => {
          if (node.kind !== 'request') return;
          setTabs((current) => {
            const tab = current[id];
            if (!tab) return { ...current, [id]: { saved: node, draft: node } };
            // Keep unsaved edits; a rename made in the sidebar still shows.
            const draft = isDirty(tab) ? { ...tab.draft, name: node.name } : node;
            // A conflict stays until the user resolves it; a clean tab simply follows the file.
            return { ...current, [id]: { ...tab, saved: node, draft } };
          });
        },
        (reason: unknown) => {
          if (!(reason instanceof ApiError && reason.code === 'not_found')) {
            setError(errorMessage(reason));
            return;
          }
          const tab = tabsRef.current[id];
          if (tab && isDirty(tab) && deletedOnDisk.current.has(id)) setTabs((current) => (current[id] ? { ...current, [id]: { ...current[id], conflict: 'deleted' } } : current));
          else drop(id);
        },
      );
    },
    [api, drop],
  );

  useEffect(() => {
    // Back from another page: what was saved meanwhile (or deleted) is picked up.
    for (const id of Object.keys(tabsRef.current)) refresh(id);
    const offChanged = api.on('workspace:changed', ({ ids }) => {
      for (const id of ids) if (id in tabsRef.current) refresh(id);
    });
    // Changed on disk under unsaved edits: a conflict, not a silent overwrite either way.
    const offReloaded = api.on('workspace:reloaded', ({ changed, removed }) => {
      for (const id of removed) deletedOnDisk.current.add(id);
      const hit = changed.filter((id) => {
        const tab = tabsRef.current[id];
        return tab !== undefined && isDirty(tab);
      });
      if (hit.length === 0) return;
      setTabs((current) => {
        const next = { ...current };
        for (const id of hit) {
          const tab = next[id];
          if (tab) next[id] = { ...tab, conflict: 'changed' };
        }
        return next;
      });
    });
    return () => {
      offChanged();
      offReloaded();
    };
  }, [api, refresh]);

  const open = useCallback(
    (id: string) => {
      setOrder((current) => (current.includes(id) ? current : [...current, id]));
      setActiveId(id);
      if (!(id in tabsRef.current)) refresh(id);
    },
    [refresh],
  );

  const edit = useCallback((id: string, change: (draft: RequestNode) => RequestNode) => {
    setTabs((current) => {
      const tab = current[id];
      return tab ? { ...current, [id]: { ...tab, draft: change(tab.draft) } } : current;
    });
  }, []);

  const save = useCallback(
    async (id: string) => {
      const tab = tabsRef.current[id];
      if (!tab) return;
      try {
        const saved = await api.invoke['workspace:update-request']({ id, patch: patchOf(tab.draft) });
        setTabs((current) => {
          const now = current[id];
          if (!now) return current;
          // Edits typed while the save was in flight stay as a draft.
          const draft = JSON.stringify(now.draft) === JSON.stringify(tab.draft) ? saved : now.draft;
          return { ...current, [id]: { saved, draft } };
        });
        setError(null);
      } catch (reason) {
        setError(errorMessage(reason));
        throw reason;
      }
    },
    [api],
  );

  const resolveConflict = useCallback(
    async (id: string, choice: 'mine' | 'theirs') => {
      const tab = tabsRef.current[id];
      if (tab?.conflict === 'deleted') {
        deletedOnDisk.current.delete(id);
        if (choice === 'theirs') return drop(id);
        // Saved again as a new request in its old place (its folder must still be there).
        const { draft } = tab;
        const created = await api.invoke['workspace:create']({ kind: 'request', parentId: draft.parentId, name: draft.name, method: draft.method, url: draft.url });
        const saved = await api.invoke['workspace:update-request']({ id: created.id, patch: patchOf(draft) });
        drop(id);
        setTabs((current) => ({ ...current, [saved.id]: { saved, draft: saved } }));
        setOrder((current) => [...current.filter((other) => other !== saved.id), saved.id]);
        setActiveId(saved.id);
        return;
      }
      if (choice === 'mine') await save(id);
      setTabs((current) => {
        const tab = current[id];
        if (!tab) return current;
        return { ...current, [id]: { saved: tab.saved, draft: choice === 'theirs' ? tab.saved : tab.draft } };
      });
    },
    [api, drop, save],
  );

  return { order, tabs, activeId, error, open, close: drop, activate: setActiveId, edit, save, resolveConflict };
}
