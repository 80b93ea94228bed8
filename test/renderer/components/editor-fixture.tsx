import { render } from '@testing-library/react';
import { useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, CountersignApi, EventName } from '../../../main/contract/index.ts';
import type { Environment, RequestNode } from '../../../main/contract/workspace.ts';
import type { ApiClient } from '../../../renderer/src/api/client.ts';
import { StateProvider } from '../../../renderer/src/state/provider.tsx';
import { RequestEditor } from '../../../renderer/src/pages/workbench/RequestEditor.tsx';

type Answers = { [K in ChannelName]?: (input: ChannelInput<K>) => ChannelOutput<K> };

/** An API whose channels answer from `answers`; events are sent with `emit`. Calls are recorded. */
export function testApi(answers: Answers = {}) {
  const calls: { channel: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = new Proxy({} as CountersignApi['invoke'], {
    get: (_target, name: string) => (input: unknown) => {
      calls.push({ channel: name, input });
      const answer = answers[name as ChannelName] as ((input: unknown) => unknown) | undefined;
      return answer ? Promise.resolve().then(() => answer(input)) : Promise.reject(new Error(`no answer for ${name}`));
    },
  });
  const api: ApiClient = {
    transport: 'browser',
    invoke,
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const own = listener as (payload: unknown) => void;
      set.add(own);
      return () => set.delete(own);
    },
  };
  const emit = (name: EventName, payload: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  };
  return { api, calls, emit };
}

export function request(change: Partial<RequestNode> = {}): RequestNode {
  return {
    kind: 'request',
    id: 'req-1',
    parentId: 'col-1',
    name: 'Orders',
    method: 'GET',
    url: 'https://gateway.test/orders',
    params: [],
    headers: [],
    body: { kind: 'none' },
    auth: { mode: 'inherit' },
    ...change,
  };
}

export function environment(change: Partial<Environment> = {}): Environment {
  return { id: 'env-uat', name: 'UAT', protected: false, variables: [{ name: 'baseUrl', value: 'https://uat.gateway.test', enabled: true }], secrets: [], ...change };
}

/** The request editor over a draft kept in state, as the workbench keeps it, inside the app's StateProvider; `latest()` is the draft now. */
export function renderEditor(initial: RequestNode, options: { api?: ApiClient; environment?: Environment; secretNames?: string[] } = {}) {
  let current = initial;
  function Harness() {
    const [draft, setDraft] = useState(initial);
    current = draft;
    return (
      <RequestEditor
        draft={draft}
        environment={options.environment}
        secretNames={options.secretNames ?? []}
        vaultLocked={false}
        running={false}
        blocked={false}
        onChange={(change) => setDraft((old) => change(old))}
        onSend={() => undefined}
        onCancel={() => undefined}
      />
    );
  }
  const view = render(
    <StateProvider api={options.api ?? testApi().api} rememberLayout={false}>
      <Harness />
    </StateProvider>,
  );
  return { ...view, latest: () => current };
}
