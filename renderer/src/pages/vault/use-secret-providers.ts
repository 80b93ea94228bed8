import { useCallback } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { useChannel } from '../../state/use-channel.ts';

/** Each collection environment named `environment`: its providers and which provider serves each secret, kept current by workspace and vault changes. */
export function useSecretProviders(environment: string) {
  const overview = useChannel('secret-providers:overview', { environment }, { invalidateOn: ['workspace:changed', 'vault:changed'] });
  const { refetch } = overview;
  const refresh = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return { environments: overview.data?.environments ?? [], error: overview.error ? errorMessage(overview.error) : null, refresh };
}
