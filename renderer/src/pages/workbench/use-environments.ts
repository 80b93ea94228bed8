import { useCallback, useEffect, useState } from 'react';
import type { Environment } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

export type EnvironmentsView = {
  environments: Environment[];
  active: Environment | undefined;
  select: (environmentId: string) => void;
  error: string | null;
};

// Which environment each collection uses, for this session. Choosing one never sends anything.
const chosen = new Map<string, string>();

/** Chooses the environment a collection uses from outside the switcher (reopening a history entry); applies on the next render. */
export function preferEnvironment(collectionId: string, environmentId: string): void {
  chosen.set(collectionId, environmentId);
}

/** The active request's collection's environments and the one in use (the first, Sandbox, unless chosen). */
export function useEnvironments(collectionId: string | undefined): EnvironmentsView {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ collectionId: string; list: Environment[] } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (id: string) => {
      api.invoke['workspace:environments']({ collectionId: id }).then(
        (list) => {
          setLoaded({ collectionId: id, list });
          setSelected(chosen.get(id) ?? null);
          setError(null);
        },
        (reason: unknown) => setError(errorMessage(reason)),
      );
    },
    [api],
  );

  useEffect(() => {
    if (!collectionId) return;
    load(collectionId);
    return api.on('workspace:changed', ({ ids }) => {
      if (ids.includes(collectionId)) load(collectionId);
    });
  }, [api, collectionId, load]);

  const environments = loaded && loaded.collectionId === collectionId ? loaded.list : [];
  // The session's choice wins: History may have chosen for a collection not in view (see preferEnvironment).
  const wanted = collectionId ? (chosen.get(collectionId) ?? selected) : undefined;
  const active = environments.find((environment) => environment.id === wanted) ?? environments[0];
  const select = (environmentId: string) => {
    if (!collectionId) return;
    chosen.set(collectionId, environmentId);
    setSelected(environmentId);
  };
  return { environments, active, select, error };
}
