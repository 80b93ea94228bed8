import { useEffect, useState } from 'react';
import type { EnvironmentReferences } from '../../../../main/contract/referenced-secrets.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

/**
 * Every environment's referenced secret names and whether something serves
 * each, reloaded when the workspace or the vault changes. A slower, older
 * answer never replaces a newer one.
 */
export function useReferencedSecrets(): { environments: EnvironmentReferences[]; error: string | null } {
  const api = useApi();
  const [environments, setEnvironments] = useState<EnvironmentReferences[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let latest = 0;
    let live = true;
    const load = () => {
      const ticket = ++latest;
      api.invoke['vault:referenced']({}).then(
        (result) => {
          if (!live || ticket !== latest) return;
          setEnvironments(result.environments);
          setError(null);
        },
        (reason: unknown) => {
          if (live && ticket === latest) setError(errorMessage(reason));
        },
      );
    };
    load();
    const offWorkspace = api.on('workspace:changed', load);
    const offVault = api.on('vault:changed', load);
    return () => {
      live = false;
      offWorkspace();
      offVault();
    };
  }, [api]);

  return { environments, error };
}
