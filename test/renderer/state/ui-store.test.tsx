import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import type { RequestNode } from '../../../main/contract/workspace.ts';
import { createUiStore, UI_STORAGE_KEY } from '../../../renderer/src/state/ui-store.ts';
import { useUi } from '../../../renderer/src/state/use-ui.ts';
import { fakeApi, renderWithState } from './fake-api.tsx';

function memoryStorage(initial: Record<string, string> = {}): StateStorage {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

const request = (id: string): RequestNode => ({ id, kind: 'request', name: id, parentId: 'c1', method: 'GET', url: 'https://example.com', params: [], headers: [], body: { kind: 'none' }, auth: { type: 'none' } }) as unknown as RequestNode;

describe('UI store', () => {
  it('opens a tab once, shows it, and closing the tab in view shows its neighbour', () => {
    const store = createUiStore(null);
    const { openTab, closeTab, putTab } = store.getState();
    openTab('a');
    openTab('b');
    openTab('a');
    putTab('a', () => ({ saved: request('a'), draft: request('a') }));
    expect(store.getState().tabOrder).toEqual(['a', 'b']);
    expect(store.getState().activeTabId).toBe('a');
    closeTab('a');
    expect(store.getState().tabOrder).toEqual(['b']);
    expect(store.getState().tabs).toEqual({});
    expect(store.getState().activeTabId).toBe('b');
  });

  it('remembers pane sizes across restarts, but not tabs or the chosen environment', () => {
    const storage = memoryStorage();
    const first = createUiStore(storage);
    first.getState().setPaneSize('workbench.sidebar', 312.4);
    first.getState().openTab('a');
    first.getState().chooseEnvironment('c1', 'production');
    const second = createUiStore(storage);
    expect(second.getState().paneSizes).toEqual({ 'workbench.sidebar': 312 });
    expect(second.getState().tabOrder).toEqual([]);
    expect(second.getState().environmentByCollection).toEqual({});
  });

  it('drops what it cannot use from a hand-edited store instead of failing', () => {
    const storage = memoryStorage({ [UI_STORAGE_KEY]: JSON.stringify({ state: { paneSizes: { ok: 200, bad: 'wide', huge: 1e9 }, tabOrder: ['x'] }, version: 1 }) });
    const store = createUiStore(storage);
    expect(store.getState().paneSizes).toEqual({ ok: 200 });
    expect(store.getState().tabOrder).toEqual([]);
    const garbage = createUiStore(memoryStorage({ [UI_STORAGE_KEY]: 'not json' }));
    expect(garbage.getState().paneSizes).toEqual({});
  });

  it('re-renders a component reading the store when its value changes', async () => {
    function Chosen() {
      const environmentId = useUi((state) => state.environmentByCollection.c1);
      return <p>environment: {environmentId ?? 'default'}</p>;
    }
    const view = renderWithState(<Chosen />, fakeApi());
    expect(screen.getByText('environment: default')).toBeTruthy();
    act(() => view.uiStore.getState().chooseEnvironment('c1', 'production'));
    expect(await screen.findByText('environment: production')).toBeTruthy();
  });
});
