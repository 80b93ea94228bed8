import { useCallback, useEffect, useState } from 'react';
import type { EnvironmentProviders } from '../../../../main/contract/secret-providers.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

/** Each collection environment named `environment`: its providers and which provider serves each secret, kept current by workspace and vault changes. */
export function useSecretProviders(environment: string) {
  const api = useApi();
  const [environments, setEnvironments] = useState<EnvironmentProviders[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.invoke['secret-providers:overview']({ environment }).then(
        (overview) => {
          setEnvironments(overview.environments);
          setError(null);
        },
        (reason: unknown) => setError(errorMessage(reason)),
      ),
    [api, environment],
  );

  useEffect(() => {
    void load();
    const offWorkspace = api.on('workspace:changed', () => void load());
    const offVault = api.on('vault:changed', () => void load());
    return () => {
      offWorkspace();
      offVault();
    };
  }, [api, load]);

  return { environments, error, refresh: load };
}
