import { hashKey, type Query, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { EventName, EventPayload } from '../../../main/contract/index.ts';
import type { ApiClient } from '../api/client.ts';

/** What a query made with useQuery/useQueries (not useChannel) may put in its meta. */
export type ChannelMeta = { invalidateOn?: readonly EventName[] };

function listsEvent(meta: unknown, name: EventName): boolean {
  const list = (meta as ChannelMeta | undefined)?.invalidateOn;
  return Array.isArray(list) && list.includes(name);
}

type Entry = {
  off: () => void;
  listeners: Map<symbol, (payload: unknown) => void>;
  /** Queries to invalidate when the event comes, by hash, with how many mounted hooks asked. */
  queries: Map<string, { key: QueryKey; count: number }>;
};

/**
 * One subscription per main event while anything needs it. When the event
 * arrives, every query a mounted hook listed for it is invalidated once
 * (it refetches at once; a fetch still out is cancelled, so its older answer
 * never lands), then the plain listeners run. Kept per hook, not in the
 * query's options, so two hooks reading one channel may list different events.
 */
export class EventHub {
  private readonly api: ApiClient;
  private readonly queryClient: QueryClient;
  private readonly entries = new Map<EventName, Entry>();
  private readonly pendingAfterFirstFetch = new Set<string>();

  constructor(api: ApiClient, queryClient: QueryClient) {
    this.api = api;
    this.queryClient = queryClient;
  }

  private entry(name: EventName): Entry {
    let entry = this.entries.get(name);
    if (!entry) {
      const created: Entry = { off: () => undefined, listeners: new Map(), queries: new Map() };
      created.off = this.api.on(name, (payload) => {
        // The queries hooks registered, and every query whose meta lists the event: useChannel puts its events there too, so
        // a query made in the render before its hook's effect registered it (a vault being filled as the list first loads)
        // is not missed. One invalidation each.
        const stale = (query: Query) => created.queries.has(query.queryHash) || listsEvent(query.meta, name);
        for (const query of this.queryClient.getQueryCache().findAll({ predicate: stale })) {
          if (query.state.fetchStatus === 'fetching' && query.state.data === undefined) this.refetchWhenSettled(query);
        }
        void this.queryClient.invalidateQueries({ predicate: stale });
        for (const listener of [...created.listeners.values()]) listener(payload);
      });
      this.entries.set(name, (entry = created));
    }
    return entry;
  }

  /**
   * A first fetch still out when an event comes is not cancelled by an
   * invalidation (TanStack Query joins it instead), so its answer may predate
   * the event: one more fetch once it settles. Seen as a new vault's list
   * stuck at 4 of its 6 seeded secrets.
   */
  private refetchWhenSettled(query: Query): void {
    if (this.pendingAfterFirstFetch.has(query.queryHash)) return;
    this.pendingAfterFirstFetch.add(query.queryHash);
    const cache = this.queryClient.getQueryCache();
    const stop = cache.subscribe((event) => {
      const settled = event.query === query && (event.type === 'removed' || query.state.fetchStatus !== 'fetching');
      if (!settled) return;
      stop();
      this.pendingAfterFirstFetch.delete(query.queryHash);
      if (event.type !== 'removed') void this.queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
    });
  }

  private releaseIfUnused(name: EventName, entry: Entry): void {
    if (entry.listeners.size > 0 || entry.queries.size > 0) return;
    entry.off();
    this.entries.delete(name);
  }

  /** Invalidates `queryKey` whenever `name` arrives, until the returned function is called. */
  invalidate(name: EventName, queryKey: QueryKey): () => void {
    const entry = this.entry(name);
    const hash = hashKey(queryKey);
    const known = entry.queries.get(hash);
    if (known) known.count += 1;
    else entry.queries.set(hash, { key: queryKey, count: 1 });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const current = entry.queries.get(hash);
      if (current && --current.count === 0) entry.queries.delete(hash);
      this.releaseIfUnused(name, entry);
    };
  }

  /** Hands each `name` payload to `listener` until the returned function is called. */
  listen<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    const entry = this.entry(name);
    const id = Symbol(name);
    entry.listeners.set(id, listener as (payload: unknown) => void);
    return () => {
      entry.listeners.delete(id);
      this.releaseIfUnused(name, entry);
    };
  }
}
