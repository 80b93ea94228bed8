import { useEffect, useState } from 'react';
import type { VaultState } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';

/**
 * Environments that hold a private key, read from the vault's metadata (no
 * values), so a custom environment named in an earlier session still gets
 * its tab. Empty while the vault is not unlocked.
 */
export function useKeyEnvironments(vaultState: VaultState | null, reloadKey: unknown): string[] {
  const api = useApi();
  const [environments, setEnvironments] = useState<string[]>([]);
  useEffect(() => {
    if (vaultState !== 'unlocked') return;
    let live = true;
    api.invoke['vault:list']({})
      .then(({ secrets }) => {
        if (!live) return;
        setEnvironments([...new Set(secrets.filter((secret) => secret.kind === 'rsa_private_key').map((secret) => secret.environment))]);
      })
      .catch(() => {
        // Only extra tabs are lost; the fixed environments still work.
      });
    return () => {
      live = false;
    };
  }, [api, vaultState, reloadKey]);
  return vaultState === 'unlocked' ? environments : [];
}
