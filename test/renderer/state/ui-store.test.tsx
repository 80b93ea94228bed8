import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UiLayout } from '../../../main/contract/settings.ts';
import type { RequestNode } from '../../../main/contract/workspace.ts';
import { LAYOUT_SAVE_DELAY_MS, syncLayout } from '../../../renderer/src/state/layout-sync.ts';
import { createUiStore } from '../../../renderer/src/state/ui-store.ts';
import { useUi } from '../../../renderer/src/state/use-ui.ts';
import { deferred, fakeApi, renderWithState } from './fake-api.tsx';

const request = (id: string): RequestNode => ({ id, kind: 'request', name: id, parentId: 'c1', method: 'GET', url: 'https://example.com', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' } });

afterEach(() => {
  vi.useRealTimers();
});

describe('UI store', () => {
  it('opens a tab once, shows it, and closing the tab in view shows its neighbour', () => {
    const store = createUiStore();
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

  it('keeps pane sizes whole and within bounds, and ignores a malformed pane id', () => {
    const store = createUiStore();
    store.getState().setPaneSize('workbench.sidebar', 312.4);
    store.getState().setPaneSize('workbench.response', 1e9);
    store.getState().setPaneSize('not a pane id', 100);
    expect(store.getState().paneSizes).toEqual({ 'workbench.sidebar': 312, 'workbench.response': 10_000 });
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

describe('the remembered layout', () => {
  it('starts from the pane sizes main remembers, dropping what does not fit', async () => {
    const api = fakeApi({ 'settings:layout': () => ({ paneSizes: { 'workbench.sidebar': 280, 'bad id': 5, huge: 1e9 } }) });
    const store = createUiStore();
    const stop = syncLayout(api, store);
    await waitFor(() => expect(store.getState().paneSizes).toEqual({ 'workbench.sidebar': 280 }));
    stop();
  });

  it('writes the sizes through main once a resize settles, not at every step of a drag', async () => {
    vi.useFakeTimers();
    const written: UiLayout[] = [];
    const api = fakeApi({
      'settings:layout': () => ({ paneSizes: {} }),
      'settings:set-layout': (layout) => {
        written.push(layout);
        return layout;
      },
    });
    const store = createUiStore();
    const stop = syncLayout(api, store);
    await vi.runAllTimersAsync();
    for (const size of [300, 310, 320]) store.getState().setPaneSize('workbench.sidebar', size);
    await vi.advanceTimersByTimeAsync(LAYOUT_SAVE_DELAY_MS + 10);
    expect(written).toEqual([{ paneSizes: { 'workbench.sidebar': 320 } }]);
    stop();
  });

  it('keeps a size the user set before main answered', async () => {
    const answer = deferred<UiLayout>();
    const api = fakeApi({ 'settings:layout': () => answer.promise, 'settings:set-layout': (layout) => layout });
    const store = createUiStore();
    const stop = syncLayout(api, store);
    store.getState().setPaneSize('workbench.sidebar', 222);
    answer.resolve({ paneSizes: { 'workbench.sidebar': 280 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.getState().paneSizes).toEqual({ 'workbench.sidebar': 222 });
    stop();
  });
});
