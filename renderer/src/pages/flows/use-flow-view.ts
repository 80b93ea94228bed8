import { useCallback, useEffect, useState } from 'react';
import type { FlowView } from '../../../../main/contract/flows.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';

export type FlowRef = { collectionId: string; flowId: string };

/** The selected flow as the runner needs it; reloaded when the workspace changes (an edit, a renamed request). */
export function useFlowView(selected: FlowRef | null, onGone: () => void) {
  const api = useApi();
  const [view, setView] = useState<FlowView | null>(null);
  // Kept with the flow it belongs to, so another flow's error never shows.
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const collectionId = selected?.collectionId;
  const flowId = selected?.flowId;
  const key = `${collectionId ?? ''}/${flowId ?? ''}`;

  const load = useCallback(() => {
    if (collectionId === undefined || flowId === undefined) return;
    api.invoke['flows:get']({ collectionId, flowId }).then(
      (next) => {
        setView(next);
        setFailure(null);
      },
      (reason: unknown) => {
        // Deleted elsewhere (another window, the CLI): nothing left to show.
        if (reason instanceof ApiError && reason.code === 'not_found') onGone();
        else setFailure({ key: `${collectionId}/${flowId}`, message: errorMessage(reason) });
      },
    );
  }, [api, collectionId, flowId, onGone]);

  useEffect(() => {
    load();
    return api.on('workspace:changed', load);
  }, [api, load]);

  // A view of another flow may still be in state for one render after the selection changed.
  const current = view && view.collectionId === collectionId && view.flow.id === flowId ? view : null;
  return { view: current, error: failure?.key === key ? failure.message : null, reload: load };
}
