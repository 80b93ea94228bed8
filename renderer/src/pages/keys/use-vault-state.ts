import { useEffect, useState } from 'react';
import type { VaultState } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';

/** Only the vault's state (absent, locked, unlocked, damaged), kept current by `vault:changed`. */
export function useVaultState(): VaultState | null {
  const api = useApi();
  const [state, setState] = useState<VaultState | null>(null);
  useEffect(() => {
    let live = true;
    api.invoke['vault:status']({})
      .then((status) => {
        if (live) setState(status.state);
      })
      .catch(() => {
        if (live) setState(null);
      });
    const off = api.on('vault:changed', (change) => setState(change.status.state));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return state;
}
