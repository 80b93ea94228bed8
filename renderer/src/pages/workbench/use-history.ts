import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../main/contract/history.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

export type HistoryView = {
  entries: HistoryEntry[];
  error: string | null;
  clear: () => Promise<void>;
};

const SHOWN = 100;

/** The newest sends, kept current by `history:changed`. */
export function useHistory(): HistoryView {
  const api = useApi();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.invoke['history:list']({ limit: SHOWN }).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (reason: unknown) => setError(errorMessage(reason)),
    );
  }, [api]);

  useEffect(() => {
    load();
    return api.on('history:changed', load);
  }, [api, load]);

  const clear = useCallback(async () => {
    try {
      await api.invoke['history:clear']({ confirm: true });
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }, [api]);

  return { entries, error, clear };
}
