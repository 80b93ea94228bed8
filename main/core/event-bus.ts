import { events, type EventName, type EventPayload } from '../contract/index.ts';
import { Redactor } from './redactor.ts';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/**
 * Events from main to every door. Payloads are parsed with the contract's
 * schema on the way out, so a service cannot emit a field the contract does
 * not declare, and walked by the process-wide secret ledger, so no event
 * carries a secret value whichever service emitted it.
 */
export type EventBus = {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: EventListener): () => void;
};

export function createEventBus(onInvalid?: (name: EventName, error: unknown) => void, ledger: Redactor = new Redactor()): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) {
        onInvalid?.(name, parsed.error);
        return;
      }
      const shown = ledger.redactDeep(parsed.data) as EventPayload<typeof name>;
      for (const listener of listeners) listener(name, shown);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
