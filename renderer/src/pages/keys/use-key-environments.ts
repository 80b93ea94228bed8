import { useMemo } from 'react';
import type { VaultState } from '../../../../main/contract/vault.ts';
import { skip, useChannel } from '../../state/use-channel.ts';

/**
 * Environments that hold a private key, read from the vault's metadata (no
 * values), so a custom environment named in an earlier session still gets
 * its tab. Empty while the vault is not unlocked; `vault:changed` keeps it current.
 */
export function useKeyEnvironments(vaultState: VaultState | null): string[] {
  const unlocked = vaultState === 'unlocked';
  const list = useChannel('vault:list', unlocked ? {} : skip, { invalidateOn: ['vault:changed', 'keys:generation-finished'] });
  const secrets = list.status === 'success' ? list.data.secrets : null;
  // A failed read loses only the extra tabs; the fixed environments still work.
  const environments = useMemo(() => [...new Set((secrets ?? []).filter((secret) => secret.kind === 'rsa_private_key').map((secret) => secret.environment))], [secrets]);
  return unlocked ? environments : [];
}
