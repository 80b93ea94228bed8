import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TabBar } from '../../../renderer/src/pages/workbench/TabBar.tsx';
import { useTabs } from '../../../renderer/src/pages/workbench/use-tabs.ts';
import { createUiStore } from '../../../renderer/src/state/ui-store.ts';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';
import { request } from './editor-fixture.tsx';

const names: Record<string, string> = { r1: 'Orders', r2: 'Refunds' };

let edit: (id: string) => void = () => undefined;
function Tabs() {
  const tabs = useTabs();
  edit = (id) => tabs.edit(id, (draft) => ({ ...draft, url: 'https://edited.test' }));
  return <TabBar tabs={tabs} />;
}

function backend() {
  return fakeApi({ 'workspace:get': ({ id }) => request({ id, name: names[id] ?? id }) });
}

const tabNames = () => within(screen.getByRole('tablist', { name: 'Open requests' })).queryAllByRole('tab').map((tab) => tab.textContent);

describe('the tab bar over the UI store', () => {
  it('shows the tabs the store holds, marks unsaved ones, and keeps them across a remount', async () => {
    const store = createUiStore();
    store.getState().openTab('r1');
    store.getState().openTab('r2');
    const api = backend();
    const first = renderWithState(<Tabs />, api, store);
    await waitFor(() => expect(tabNames()).toEqual(['GETOrders', 'GETRefunds']));
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('GETRefunds');
    act(() => edit('r1'));
    expect(await screen.findByTestId('unsaved-marker')).toBeTruthy();
    first.unmount();
    renderWithState(<Tabs />, api, store);
    await waitFor(() => expect(screen.getAllByTestId('unsaved-marker')).toHaveLength(1));
  });

  it('asks before closing a tab with unsaved changes, and closes it from the store when confirmed', async () => {
    const user = userEvent.setup();
    const store = createUiStore();
    store.getState().openTab('r1');
    store.getState().openTab('r2');
    renderWithState(<Tabs />, backend(), store);
    await waitFor(() => expect(tabNames()).toEqual(['GETOrders', 'GETRefunds']));
    act(() => edit('r1'));
    await user.click(screen.getByRole('button', { name: 'Close Orders' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close Orders without saving?' });
    expect(store.getState().tabOrder).toEqual(['r1', 'r2']);
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(tabNames()).toEqual(['GETRefunds']));
    expect(store.getState().tabOrder).toEqual(['r2']);
    expect(store.getState().tabs.r1).toBeUndefined();
  });
});
