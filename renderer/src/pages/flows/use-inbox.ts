import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CallbackEntry, InboxStatus } from '../../../../main/contract/flows.ts';
import { errorMessage } from '../../api/errors.ts';
import { channelKey } from '../../state/channel-key.ts';
import { useChannel, useChannelMutation, useEvent } from '../../state/use-channel.ts';

export type InboxView = {
  status: InboxStatus | null;
  /** Newest first. */
  entries: CallbackEntry[];
  busy: boolean;
  error: string | null;
  start: (host: string, port: number) => void;
  stop: () => void;
  clear: () => void;
};

// Main keeps at most this many too; the list here never grows past what main would show.
const FALLBACK_MAX_ENTRIES = 200;

/** The callback inbox, live: its status and what it received, newest first. */
export function useInbox(): InboxView {
  const queries = useQueryClient();
  // A restart is a new listener with its own (empty) list: `inbox:changed` refetches both.
  const status = useChannel('inbox:status', {}, { invalidateOn: ['inbox:changed'] });
  const entries = useChannel('inbox:entries', {}, { invalidateOn: ['inbox:changed'] });

  // An arrival is added to the cached list as it comes, rather than refetching the whole list each time.
  useEvent('inbox:received', (entry) => {
    queries.setQueryData<CallbackEntry[]>(channelKey('inbox:entries', {}), (current = []) => {
      if (current.some((seen) => seen.id === entry.id && seen.receivedAt === entry.receivedAt)) return current;
      return [entry, ...current].slice(0, FALLBACK_MAX_ENTRIES);
    });
  });

  const setStatus = (next: InboxStatus) => queries.setQueryData(channelKey('inbox:status', {}), next);
  const starting = useChannelMutation('inbox:start', { onSuccess: setStatus });
  const stopping = useChannelMutation('inbox:stop', { onSuccess: setStatus });
  const clearing = useChannelMutation('inbox:clear', { onSuccess: (next) => queries.setQueryData(channelKey('inbox:entries', {}), next) });
  const mutations = [starting, stopping, clearing];
  const busy = mutations.some((mutation) => mutation.isPending);
  // The latest failure of an action wins over a read's.
  const failure = mutations.find((mutation) => mutation.error)?.error ?? status.error ?? entries.error;

  const quiet = useCallback(<T,>(promise: Promise<T>) => void promise.catch(() => undefined), []);
  const current = status.data ?? null;
  const list = entries.data ?? [];
  return {
    status: current,
    entries: current?.running ? list.slice(0, current.maxEntries) : list,
    busy,
    error: failure ? errorMessage(failure) : null,
    start: (host, port) => {
      stopping.reset();
      clearing.reset();
      quiet(starting.mutateAsync({ host, port }));
    },
    stop: () => {
      starting.reset();
      clearing.reset();
      quiet(stopping.mutateAsync({}));
    },
    clear: () => {
      starting.reset();
      stopping.reset();
      quiet(clearing.mutateAsync({}));
    },
  };
}
