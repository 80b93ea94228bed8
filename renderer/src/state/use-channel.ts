import { hashKey, keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../../main/contract/index.ts';
import { useApi } from '../api/context.tsx';
import { channelKey, channelPrefix } from './channel-key.ts';
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
  /** The answer never changes while the app runs (main's fixed descriptions): fetched once, not again on each mount. A failed call is asked again. */
  fixed?: boolean;
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
  const eventsKey = (options.invalidateOn ?? []).join('\n');
  // A skipped query still needs a key; its input is never sent.
  const queryKey = input === skipToken ? ['channel', channel, '(skipped)'] : channelKey(channel, input);
  const hash = hashKey(queryKey);

  useEffect(() => {
    if (input === skipToken || eventsKey === '') return;
    const offs = eventsKey.split('\n').map((name) => hub.invalidate(name as EventName, channelKey(channel, input)));
    return () => {
      for (const off of offs) off();
    };
    // The hash stands for the input: a new object with the same content is the same query.
  }, [hub, eventsKey, channel, hash]); // eslint-disable-line react-hooks/exhaustive-deps

  return useQuery<ChannelOutput<K>>({
    queryKey,
    queryFn: input === skipToken ? skipToken : () => api.invoke[channel](input),
    // Read by the event hub from the render on, before the effect above has registered the key.
    ...(options.invalidateOn && options.invalidateOn.length > 0 ? { meta: { invalidateOn: options.invalidateOn } } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
    ...(options.fixed ? { staleTime: Infinity } : {}),
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
    return hub.listen(name, (payload) => latest.current(payload));
  }, [hub, name, enabled]);
}

/**
 * Keeps main's `events` subscribed while mounted, for queries made with
 * useQuery/useQueries directly: those that put the event in
 * `meta: { invalidateOn: [...] }` are invalidated when it arrives.
 */
export function useInvalidateOn(events: readonly EventName[]): void {
  const hub = useEventHub();
  const key = events.join('\n');
  useEffect(() => {
    if (key === '') return;
    const offs = key.split('\n').map((name) => hub.listen(name as EventName, () => undefined));
    return () => {
      for (const off of offs) off();
    };
  }, [hub, key]);
}
