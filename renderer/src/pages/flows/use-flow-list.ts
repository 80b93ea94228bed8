import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FlowSummary } from '../../../../main/contract/flows.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

export type CollectionFlows = { id: string; name: string; flows: FlowSummary[] };

export type FlowList = {
  /** Every collection, with or without flows (each can get a new one); null until loaded. */
  collections: CollectionFlows[] | null;
  error: string | null;
  reload: () => void;
};

/** The flows of every collection, kept current by `workspace:changed`. */
export function useFlowList(): FlowList {
  const api = useApi();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [names, setNames] = useState<{ id: string; name: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    Promise.all([api.invoke['flows:list']({}), api.invoke['workspace:tree']({})]).then(
      ([nextFlows, tree]) => {
        const byId = new Map(tree.entries.map((entry) => [entry.id, entry.name]));
        setNames(tree.collections.map((id) => ({ id, name: byId.get(id) ?? id })));
        setFlows(nextFlows);
        setError(null);
      },
      (reason: unknown) => setError(errorMessage(reason)),
    );
  }, [api]);

  useEffect(() => {
    reload();
    return api.on('workspace:changed', reload);
  }, [api, reload]);

  const collections = useMemo(
    () => (names && flows ? names.map((collection) => ({ ...collection, flows: flows.filter((flow) => flow.collectionId === collection.id) })) : null),
    [names, flows],
  );
  return { collections, error, reload };
}
