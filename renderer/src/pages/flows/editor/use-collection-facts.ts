import { useMemo } from 'react';
import { errorMessage } from '../../../api/errors.ts';
import { useChannel } from '../../../state/use-channel.ts';
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
  const tree = useChannel('workspace:tree', {}, { invalidateOn: ['workspace:changed'] });
  const environments = useChannel('workspace:environments', { collectionId }, { invalidateOn: ['workspace:changed'] });
  const listing = tree.data;
  const requests = useMemo(() => (listing ? collectionRequests(listing, collectionId) : null), [listing, collectionId]);
  const list = environments.data;
  const secretNames = useMemo(() => unique((list ?? []).flatMap((environment) => environment.secrets)), [list]);
  const environmentVariables = useMemo(() => unique((list ?? []).flatMap((environment) => environment.variables.map((variable) => variable.name))), [list]);
  const failure = tree.error ?? environments.error;
  return { requests: list ? requests : null, secretNames, environmentVariables, error: failure ? errorMessage(failure) : null };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
