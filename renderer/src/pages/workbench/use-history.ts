import { useCallback } from 'react';
import type { HistoryEntry } from '../../../../main/contract/history.ts';
import { errorMessage } from '../../api/errors.ts';
import { useChannel, useChannelMutation } from '../../state/use-channel.ts';

export type HistoryView = {
  entries: HistoryEntry[];
  error: string | null;
  clear: () => Promise<void>;
};

const SHOWN = 100;

/** The newest sends, kept current by `history:changed`. */
export function useHistory(): HistoryView {
  const list = useChannel('history:list', { limit: SHOWN }, { invalidateOn: ['history:changed'] });
  const clearing = useChannelMutation('history:clear', { invalidates: ['history:list'] });
  const { mutateAsync } = clearing;
  const clear = useCallback(async () => {
    // The failure shows as `error`; the caller has nothing to undo.
    await mutateAsync({ confirm: true }).catch(() => undefined);
  }, [mutateAsync]);
  const failure = clearing.error ?? list.error;
  return { entries: list.data ?? [], error: failure ? errorMessage(failure) : null, clear };
}
