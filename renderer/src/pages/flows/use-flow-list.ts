import { useCallback, useMemo } from 'react';
import type { FlowSummary } from '../../../../main/contract/flows.ts';
import { errorMessage } from '../../api/errors.ts';
import { useChannel } from '../../state/use-channel.ts';

export type CollectionFlows = { id: string; name: string; flows: FlowSummary[] };

export type FlowList = {
  /** Every collection, with or without flows (each can get a new one); null until loaded. */
  collections: CollectionFlows[] | null;
  error: string | null;
  reload: () => void;
};

/** The flows of every collection, kept current by `workspace:changed`. */
export function useFlowList(): FlowList {
  const flows = useChannel('flows:list', {}, { invalidateOn: ['workspace:changed'] });
  const tree = useChannel('workspace:tree', {}, { invalidateOn: ['workspace:changed'] });
  const listing = tree.data;
  const summaries = flows.data;
  const collections = useMemo(() => {
    if (!listing || !summaries) return null;
    const byId = new Map(listing.entries.map((entry) => [entry.id, entry.name]));
    return listing.collections.map((id) => ({ id, name: byId.get(id) ?? id, flows: summaries.filter((flow) => flow.collectionId === id) }));
  }, [listing, summaries]);
  const refetchFlows = flows.refetch;
  const refetchTree = tree.refetch;
  const reload = useCallback(() => {
    void refetchFlows();
    void refetchTree();
  }, [refetchFlows, refetchTree]);
  const failure = flows.error ?? tree.error;
  return { collections, error: failure ? errorMessage(failure) : null, reload };
}
