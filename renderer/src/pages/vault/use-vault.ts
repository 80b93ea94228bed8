import { useCallback, useEffect, useState } from 'react';
import type { SecretMetadata, VaultStatus } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';

export type VaultView = {
  status: VaultStatus | null;
  secrets: SecretMetadata[];
  error: string | null;
  refresh(): Promise<void>;
};

/** The vault's status and secret list (metadata only), kept current by `vault:changed`. */
export function useVault(): VaultView {
  const api = useApi();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [secrets, setSecrets] = useState<SecretMetadata[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (next: VaultStatus) => {
      try {
        setSecrets(next.state === 'unlocked' ? (await api.invoke['vault:list']({})).secrets : []);
        setStatus(next);
        setError(null);
      } catch (reason) {
        // An event can arrive after the vault locked again: show where it is now, not a stale failure.
        if (reason instanceof ApiError && reason.code === 'locked') {
          setSecrets([]);
          setStatus(await api.invoke['vault:status']({}));
        } else throw reason;
      }
    },
    [api],
  );

  const refresh = useCallback(async () => {
    try {
      await load(await api.invoke['vault:status']({}));
      setError(null);
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }, [api, load]);

  useEffect(() => {
    const fail = (reason: unknown) => setError(errorMessage(reason));
    api.invoke['vault:status']({}).then(load).catch(fail);
    return api.on('vault:changed', (change) => {
      load(change.status).catch(fail);
    });
  }, [api, load]);

  return { status, secrets, error, refresh };
}
