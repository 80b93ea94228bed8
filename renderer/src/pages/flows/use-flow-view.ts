import { useCallback, useEffect } from 'react';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { skip, useChannel } from '../../state/use-channel.ts';

export type FlowRef = { collectionId: string; flowId: string };

/** The selected flow as the runner needs it; reloaded when the workspace changes (an edit, a renamed request). */
export function useFlowView(selected: FlowRef | null, onGone: () => void) {
  const collectionId = selected?.collectionId;
  const flowId = selected?.flowId;
  // Each flow has its own cache entry, so another flow's view or error never shows.
  const flow = useChannel('flows:get', collectionId !== undefined && flowId !== undefined ? { collectionId, flowId } : skip, { invalidateOn: ['workspace:changed'] });
  const gone = flow.error instanceof ApiError && flow.error.code === 'not_found';
  useEffect(() => {
    // Deleted elsewhere (another window, the CLI): nothing left to show.
    if (gone) onGone();
  }, [gone, onGone]);
  const { refetch } = flow;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { view: selected && !gone ? (flow.data ?? null) : null, error: flow.error && !gone ? errorMessage(flow.error) : null, reload };
}
