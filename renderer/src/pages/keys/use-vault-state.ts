import type { VaultState } from '../../../../main/contract/vault.ts';
import { useChannel } from '../../state/use-channel.ts';

/** Only the vault's state (absent, locked, unlocked, damaged), kept current by `vault:changed`. */
export function useVaultState(): VaultState | null {
  const status = useChannel('vault:status', {}, { invalidateOn: ['vault:changed'] });
  return status.status === 'success' ? status.data.state : null;
}
