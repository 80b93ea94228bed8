import { act, render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, CountersignApi, EventName, EventPayload } from '../../../main/contract/index.ts';
import type { ApiClient } from '../../../renderer/src/api/client.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { createQueryClient } from '../../../renderer/src/state/query-client.ts';
import { StateProvider } from '../../../renderer/src/state/provider.tsx';
import { createUiStore, type UiStore } from '../../../renderer/src/state/ui-store.ts';

export type Handlers = { [K in ChannelName]?: (input: ChannelInput<K>) => ChannelOutput<K> | Promise<ChannelOutput<K>> };

export type FakeApi = ApiClient & {
  /** Every call made, in order: channel and input. */
  readonly calls: { channel: ChannelName; input: unknown }[];
  /** Delivers an event from "main" to whoever listens. */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** How many listeners an event has now. */
  listeners(name: EventName): number;
  /** Replaces or adds handlers. */
  handle(more: Handlers): void;
};

/**
 * An ApiClient for component tests: channels answer from `handlers` (a missing
 * one fails the way main does for an unknown channel), events are emitted by the test.
 */
export function fakeApi(initial: Handlers = {}): FakeApi {
  const handlers: Handlers = { ...initial };
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const subscribers = new Map<EventName, Set<(payload: unknown) => void>>();
  const invoke = new Proxy({} as CountersignApi['invoke'], {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      return (input: unknown): Promise<unknown> => {
        calls.push({ channel: name as ChannelName, input });
        const handler = handlers[name as ChannelName] as ((input: unknown) => unknown) | undefined;
        // Asynchronous like the real doors, even when a handler answers at once or throws.
        return Promise.resolve().then(() => {
          if (!handler) throw new ApiError({ code: 'internal', message: `the fake API has no handler for ${name}` });
          return handler(input);
        });
      };
    },
  });
  return {
    transport: 'browser',
    invoke,
    calls,
    on: (name, listener) => {
      let set = subscribers.get(name);
      if (!set) subscribers.set(name, (set = new Set()));
      const own = listener as (payload: unknown) => void;
      set.add(own);
      return () => {
        set.delete(own);
      };
    },
    emit: (name, payload) => {
      for (const listener of [...(subscribers.get(name) ?? [])]) listener(payload);
    },
    listeners: (name) => subscribers.get(name)?.size ?? 0,
    handle: (more) => Object.assign(handlers, more),
  };
}

/** A promise the test settles by hand, to order answers as it likes. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Renders `ui` inside the app's StateProvider with a fake API, a fresh cache and store; the layout is not read or written through main unless asked. */
export function renderWithState(ui: ReactElement, api: FakeApi, uiStore: UiStore = createUiStore(), options: { rememberLayout?: boolean } = {}): RenderResult & { uiStore: UiStore } {
  const queryClient = createQueryClient();
  // As a wrapper, so rerender() keeps the same providers (and cache).
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StateProvider api={api} queryClient={queryClient} uiStore={uiStore} rememberLayout={options.rememberLayout ?? false}>
      {children}
    </StateProvider>
  );
  const result = render(ui, { wrapper });
  return { ...result, uiStore };
}

/** Runs `change` (settling a deferred, say) inside act and lets React catch up. */
export async function settle(change: () => void): Promise<void> {
  await act(async () => {
    change();
    await Promise.resolve();
  });
}
