import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../../main/contract/index.ts';
import { useApi } from '../api/context.tsx';
import { channelKey, channelPrefix } from './channel-key.ts';
import type { ChannelMeta } from './event-hub.ts';
import { useEventHub } from './provider.tsx';

/** Pass as the input to wait (no call is made) until the input is known. */
export { skipToken as skip };

export type ChannelOptions = {
  /** Main events after which this answer is stale: the query refetches when one arrives. */
  invalidateOn?: readonly EventName[];
  /** While the input changes, keep showing the previous input's answer until the new one comes. */
  keepPrevious?: boolean;
  /** Refetch on this interval (ms) while mounted. */
  refetchInterval?: number;
};

/**
 * Calls a read channel and keeps its answer in the shared cache: one fetch for
 * every component that asks the same question, a refetch when one of the
 * listed events arrives, and never an older answer over a newer one (a
 * superseded fetch is cancelled; a changed input has its own cache entry).
 */
export function useChannel<K extends ChannelName>(channel: K, input: ChannelInput<K> | typeof skipToken, options: ChannelOptions = {}): UseQueryResult<ChannelOutput<K>> {
  const api = useApi();
  const hub = useEventHub();
  const events = options.invalidateOn ?? [];
  const eventsKey = events.join('\n');

  useEffect(() => {
    const offs = eventsKey === '' ? [] : eventsKey.split('\n').map((name) => hub.retain(name as EventName));
    return () => {
      for (const off of offs) off();
    };
  }, [hub, eventsKey]);

  const meta: ChannelMeta = { invalidateOn: events };
  return useQuery<ChannelOutput<K>>({
    // A skipped query still needs a key; its input is never sent.
    queryKey: input === skipToken ? ['channel', channel, '(skipped)'] : channelKey(channel, input),
    queryFn: input === skipToken ? skipToken : () => api.invoke[channel](input),
    meta,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
}

export type ChannelMutationOptions<K extends ChannelName> = {
  /** Read channels whose cached answers this call makes stale (refetched on success, whatever the input). */
  invalidates?: readonly ChannelName[];
  onSuccess?: (output: ChannelOutput<K>, input: ChannelInput<K>) => void;
};

/** Calls a channel that changes something; `invalidates` names the reads to refresh afterwards. */
export function useChannelMutation<K extends ChannelName>(channel: K, options: ChannelMutationOptions<K> = {}): UseMutationResult<ChannelOutput<K>, Error, ChannelInput<K>> {
  const api = useApi();
  const queries = useQueryClient();
  return useMutation<ChannelOutput<K>, Error, ChannelInput<K>>({
    mutationFn: (input) => api.invoke[channel](input),
    onSuccess: async (output, input) => {
      options.onSuccess?.(output, input);
      await Promise.all((options.invalidates ?? []).map((name) => queries.invalidateQueries({ queryKey: channelPrefix(name) })));
    },
  });
}

/**
 * Runs `listener` for each `name` event from main while mounted (progress,
 * inbox arrivals). The latest listener is used, so it may close over state.
 */
export function useEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void, enabled = true): void {
  const hub = useEventHub();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!enabled) return;
    return hub.retain(name, (payload) => latest.current(payload));
  }, [hub, name, enabled]);
}
