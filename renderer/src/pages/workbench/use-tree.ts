import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TreeEntry, TreeListing } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

export type TreeView = {
  listing: TreeListing | null;
  byId: ReadonlyMap<string, TreeEntry>;
  /** Ids the filter leaves visible; null when there is no filter. */
  visible: ReadonlySet<string> | null;
  filter: string;
  setFilter: (text: string) => void;
  error: string | null;
  reload: () => void;
};

/** The sidebar tree, kept current by `workspace:changed`, plus the filter (answered by main). */
export function useTree(): TreeView {
  const api = useApi();
  const [listing, setListing] = useState<TreeListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilterText] = useState('');
  const [visible, setVisible] = useState<ReadonlySet<string> | null>(null);
  const filterSeq = useRef(0);
  const filterText = useRef('');

  const runFilter = useCallback(
    (text: string) => {
      const seq = ++filterSeq.current;
      if (!text.trim()) {
        setVisible(null);
        return;
      }
      api.invoke['workspace:filter']({ text }).then(
        // Answers can overtake each other while the user types; only the latest counts.
        (result) => seq === filterSeq.current && setVisible(new Set(result.visible)),
        (reason: unknown) => setError(errorMessage(reason)),
      );
    },
    [api],
  );

  const reload = useCallback(() => {
    api.invoke['workspace:tree']({}).then(
      (next) => {
        setListing(next);
        setError(null);
        if (filterText.current) runFilter(filterText.current);
      },
      (reason: unknown) => setError(errorMessage(reason)),
    );
  }, [api, runFilter]);

  useEffect(() => {
    reload();
    return api.on('workspace:changed', reload);
  }, [api, reload]);

  const setFilter = useCallback(
    (text: string) => {
      filterText.current = text;
      setFilterText(text);
      runFilter(text);
    },
    [runFilter],
  );

  const byId = useMemo(() => new Map((listing?.entries ?? []).map((entry) => [entry.id, entry])), [listing]);
  return { listing, byId, visible, filter, setFilter, error, reload };
}
