import type { QueryClient } from '@tanstack/react-query';
import type { EventName, EventPayload } from '../../../main/contract/index.ts';
import type { ApiClient } from '../api/client.ts';

/** What a query lists in its meta: the main events after which its answer is stale. */
export type ChannelMeta = { invalidateOn?: readonly EventName[] };

function listsEvent(meta: unknown, name: EventName): boolean {
  const list = (meta as ChannelMeta | undefined)?.invalidateOn;
  return Array.isArray(list) && list.includes(name);
}

/**
 * One subscription per main event while anything needs it. When the event
 * arrives, every cached query that listed it is invalidated once (mounted ones
 * refetch at once; an in-flight fetch is cancelled, so its older answer never
 * lands), then the plain listeners run.
 */
export class EventHub {
  private readonly subscriptions = new Map<EventName, { count: number; off: () => void; listeners: Set<(payload: unknown) => void> }>();

  private readonly api: ApiClient;
  private readonly queries: QueryClient;

  constructor(api: ApiClient, queries: QueryClient) {
    this.api = api;
    this.queries = queries;
  }

  /** Keeps `name` subscribed until the returned function is called. */
  retain<K extends EventName>(name: K, listener?: (payload: EventPayload<K>) => void): () => void {
    let entry = this.subscriptions.get(name);
    if (!entry) {
      const listeners = new Set<(payload: unknown) => void>();
      const off = this.api.on(name, (payload) => {
        void this.queries.invalidateQueries({ predicate: (query) => listsEvent(query.meta, name) });
        for (const each of [...listeners]) each(payload);
      });
      entry = { count: 0, off, listeners };
      this.subscriptions.set(name, entry);
    }
    entry.count += 1;
    const own = listener as ((payload: unknown) => void) | undefined;
    if (own) entry.listeners.add(own);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const current = this.subscriptions.get(name);
      if (!current) return;
      if (own) current.listeners.delete(own);
      current.count -= 1;
      if (current.count === 0) {
        current.off();
        this.subscriptions.delete(name);
      }
    };
  }
}
