import { useCallback } from 'react';
import type { KeyListEntry } from '../../../../main/contract/keys.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useChannel } from '../../state/use-channel.ts';

export type KeyListView = {
  keys: KeyListEntry[] | null;
  error: string | null;
  /** Main refused because the vault is locked: the page says where to unlock instead of showing an error. */
  locked: boolean;
  refresh: () => void;
};

/**
 * The stored keys of one environment (public facts only). Main needs the
 * vault unlocked to list them; a refusal for that reason sets `locked`.
 * Reloaded when the vault, the workspace or a finished generation (which may
 * end after the form that started it has gone) changes what the list says.
 */
export function useKeyList(environment: string): KeyListView {
  // Each environment has its own cache entry: switching shows "reading", never another environment's keys.
  const list = useChannel('keys:list', { environment }, { invalidateOn: ['vault:changed', 'workspace:changed', 'keys:generation-finished'] });
  const locked = list.error instanceof ApiError && list.error.code === 'locked';
  const { refetch } = list;
  const refresh = useCallback(() => void refetch(), [refetch]);
  return { keys: !locked && list.data ? list.data.keys : null, error: list.error && !locked ? errorMessage(list.error) : null, locked, refresh };
}
