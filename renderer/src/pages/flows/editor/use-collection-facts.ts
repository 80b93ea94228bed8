import { useEffect, useState } from 'react';
import { useApi } from '../../../api/context.tsx';
import { errorMessage } from '../../../api/errors.ts';
import { collectionRequests, type RequestGroup } from './request-options.ts';

export type CollectionFacts = {
  /** null until the tree has loaded. */
  requests: RequestGroup[] | null;
  /** Vault names the collection's environments expect (names only; values stay in main). */
  secretNames: string[];
  /** Variable names the collection's environments define. */
  environmentVariables: string[];
  error: string | null;
};

/** What the editor offers to pick from: the collection's requests and its environments' names, kept current as the workspace changes. */
export function useCollectionFacts(collectionId: string): CollectionFacts {
  const api = useApi();
  const [requests, setRequests] = useState<RequestGroup[] | null>(null);
  const [secretNames, setSecretNames] = useState<string[]>([]);
  const [environmentVariables, setEnvironmentVariables] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      Promise.all([api.invoke['workspace:tree']({}), api.invoke['workspace:environments']({ collectionId })]).then(
        ([listing, environments]) => {
          if (!live) return;
          setRequests(collectionRequests(listing, collectionId));
          setSecretNames(unique(environments.flatMap((environment) => environment.secrets)));
          setEnvironmentVariables(unique(environments.flatMap((environment) => environment.variables.map((variable) => variable.name))));
          setError(null);
        },
        (reason: unknown) => {
          if (live) setError(errorMessage(reason));
        },
      );
    };
    load();
    const stop = api.on('workspace:changed', load);
    return () => {
      live = false;
      stop();
    };
  }, [api, collectionId]);
  return { requests, secretNames, environmentVariables, error };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
