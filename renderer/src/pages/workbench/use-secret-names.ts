import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.tsx';

/**
 * Vault entry names (never values) in the named vault environment, or in
 * any environment when none is named (collection and folder auth). A locked
 * or absent vault gives none; `locked` says so, for the editor to explain.
 */
export function useSecretNames(environmentName: string | undefined): { names: string[]; locked: boolean } {
  const api = useApi();
  const [all, setAll] = useState<{ environment: string; name: string }[]>([]);
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    const load = () => {
      api.invoke['vault:list']({}).then(
        (list) => {
          setAll(list.secrets.map(({ environment, name }) => ({ environment, name })));
          setLocked(false);
        },
        () => {
          setAll([]);
          setLocked(true);
        },
      );
    };
    load();
    return api.on('vault:changed', load);
  }, [api]);
  const names = all.filter((secret) => environmentName === undefined || secret.environment === environmentName).map((secret) => secret.name);
  return { names: [...new Set(names)], locked };
}
