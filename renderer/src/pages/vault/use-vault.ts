import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SecretMetadata, VaultStatus } from '../../../../main/contract/vault.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { channelPrefix } from '../../state/channel-key.ts';
import { skip, useChannel } from '../../state/use-channel.ts';

export type VaultView = {
  status: VaultStatus | null;
  secrets: SecretMetadata[];
  error: string | null;
  refresh(): Promise<void>;
};

/**
 * The vault's status and secret list (metadata only), kept current by
 * `vault:changed` — which main also sends when another process (the CLI)
 * changes the vault file.
 */
export function useVault(): VaultView {
  const queries = useQueryClient();
  const status = useChannel('vault:status', {}, { invalidateOn: ['vault:changed'] });
  const unlocked = status.data?.state === 'unlocked';
  const list = useChannel('vault:list', unlocked ? {} : skip, { invalidateOn: ['vault:changed'] });
  // The list can be refused because the vault locked again meanwhile: the status (refetched on that same event) says so, not an error.
  const listLocked = list.error instanceof ApiError && list.error.code === 'locked';
  const secrets = unlocked && list.status === 'success' ? list.data.secrets : [];
  const failure = status.error ?? (listLocked ? null : list.error);
  const refresh = useCallback(async () => {
    await Promise.all([queries.refetchQueries({ queryKey: channelPrefix('vault:status') }), queries.refetchQueries({ queryKey: channelPrefix('vault:list') })]);
  }, [queries]);
  return { status: status.data ?? null, secrets, error: failure ? errorMessage(failure) : null, refresh };
}
