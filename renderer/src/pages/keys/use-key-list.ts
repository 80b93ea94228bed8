import { useCallback, useEffect, useState } from 'react';
import type { KeyListEntry } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';

export type KeyListView = {
  keys: KeyListEntry[] | null;
  error: string | null;
  /** Main refused because the vault is locked: the page says where to unlock instead of showing an error. */
  locked: boolean;
  refresh: () => void;
};

/**
 * The stored keys of one environment (public facts only). Main needs the
 * vault unlocked to list them; a refusal for that reason sets `locked`.
 * Reloaded when the vault, the workspace or a finished generation changes
 * what the list says.
 */
export function useKeyList(environment: string): KeyListView {
  const api = useApi();
  // Remembers which environment the keys belong to, so switching shows "reading" rather than another environment's keys.
  const [loaded, setLoaded] = useState<{ environment: string; keys: KeyListEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [reloads, setReloads] = useState(0);
  const refresh = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    api.invoke['keys:list']({ environment })
      .then((result) => {
        if (!live) return;
        setLoaded({ environment, keys: result.keys });
        setError(null);
        setLocked(false);
      })
      .catch((reason: unknown) => {
        if (!live) return;
        const isLocked = reason instanceof ApiError && reason.code === 'locked';
        setLocked(isLocked);
        setError(isLocked ? null : errorMessage(reason));
      });
    return () => {
      live = false;
    };
  }, [api, environment, reloads]);

  useEffect(() => {
    const offVault = api.on('vault:changed', refresh);
    const offWorkspace = api.on('workspace:changed', refresh);
    // A generation may finish after the form that started it has gone (page left, dialog closed).
    const offGenerated = api.on('keys:generation-finished', (finished) => {
      if (finished.outcome === 'created') refresh();
    });
    return () => {
      offVault();
      offWorkspace();
      offGenerated();
    };
  }, [api, refresh]);

  return { keys: loaded?.environment === environment && !locked ? loaded.keys : null, error, locked, refresh };
}
