import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../../main/contract/vault.ts';
import type { Environment, RequestNode, TreeEntry } from '../../../main/contract/workspace.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { rank, searchable, type PaletteItem } from '../../../renderer/src/palette/rank.ts';
import { Navigation } from '../../../renderer/src/shell/Navigation.tsx';
import { fakeApi, renderWithState, type Handlers } from '../state/fake-api.tsx';

const entries: TreeEntry[] = [
  { id: 'c1', kind: 'collection', name: 'Acme Pay', parentId: null, children: ['f1'] },
  { id: 'f1', kind: 'folder', name: 'Orders', parentId: 'c1', children: ['r1', 'r2'] },
  { id: 'r1', kind: 'request', name: 'Create order', parentId: 'f1', method: 'POST', url: 'https://a.test/orders' },
  { id: 'r2', kind: 'request', name: 'Refund', parentId: 'f1', method: 'POST', url: 'https://a.test/refunds' },
];

function requestNode(id: string, name: string): RequestNode {
  return { kind: 'request', id, parentId: 'f1', name, method: 'POST', url: 'https://a.test/x', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' } };
}

const environment = (id: string, name: string): Environment => ({ id, name, protected: name === 'Production', variables: [], secrets: [] });

function vaultStatus(state: VaultStatus['state']): VaultStatus {
  return {
    state,
    autoLockMinutes: 15,
    problem: null,
    secretCount: state === 'unlocked' ? 3 : null,
    protection: { safeStorage: { available: false, backend: null, protects: false, inUse: false, note: '' }, passphrase: { set: true }, passphraseRequired: true, passphraseRequiredReason: null },
  };
}

function setup(more: Handlers = {}) {
  const api = fakeApi({
    'workspace:tree': () => ({ collections: ['c1'], entries }),
    'flows:list': () => [{ id: 'fl1', name: 'Pay and confirm', description: '', collectionId: 'c1', collectionName: 'Acme Pay', steps: 3 }],
    'vault:status': () => vaultStatus('unlocked'),
    'workspace:environments': () => [environment('e1', 'Sandbox'), environment('e2', 'Production')],
    'workspace:get': ({ id }) => requestNode(id, entries.find((entry) => entry.id === id)?.name ?? id),
    'vault:lock': () => vaultStatus('locked'),
    ...more,
  });
  const onSelect = vi.fn();
  const result = renderWithState(
    <>
      <button type="button">Somewhere on the page</button>
      <Navigation current="home" onSelect={onSelect} />
    </>,
    api,
  );
  return { api, onSelect, user: userEvent.setup(), ...result };
}

const search = () => screen.getByRole('combobox', { name: 'Find a request, environment, flow or action' });
const optionLabels = () => within(screen.getByRole('listbox', { name: 'Matches' })).queryAllByRole('option').map((option) => option.querySelector('.palette-label')?.textContent);

describe('the command palette', () => {
  it('Ctrl+K opens it with the focus in the search box; Escape closes it and the focus goes back where it was', async () => {
    const { user } = setup();
    const before = screen.getByRole('button', { name: 'Somewhere on the page' });
    before.focus();
    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(search());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  it('finds a request by scattered letters and opens it in a tab on the Workbench', async () => {
    const { user, onSelect, uiStore } = setup();
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(optionLabels()).toContain('Create order'));
    await user.keyboard('crord');
    expect(optionLabels()[0]).toBe('Create order');
    const first = within(screen.getByRole('listbox')).getAllByRole('option')[0];
    expect(first?.textContent).toContain('POST · Acme Pay / Orders');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onSelect).toHaveBeenCalledWith('workbench');
    const state = uiStore.getState();
    expect(state.activeTabId).toBe('r1');
    expect(state.tabOrder).toEqual(['r1']);
    expect(state.tabs.r1?.draft.name).toBe('Create order');
  });

  it('the arrow keys choose among the matches (wrapping round) and Enter runs the choice', async () => {
    const { user, onSelect } = setup();
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('go to');
    const box = search();
    const chosen = () => document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.querySelector('.palette-label')?.textContent;
    const labels = optionLabels();
    expect(labels).toHaveLength(6);
    expect(chosen()).toBe(labels[0]);
    await user.keyboard('{ArrowUp}');
    expect(chosen()).toBe(labels[5]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(chosen()).toBe(labels[2]);
    expect(screen.getByRole('option', { selected: true }).textContent).toContain(labels[2]);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(labels[2]?.replace('Go to ', '').toLowerCase());
  });

  it('finds environments and flows; choosing an environment makes it the collection’s choice', async () => {
    const { user, onSelect, uiStore } = setup();
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(optionLabels()).toContain('Production'));
    expect(optionLabels()).toContain('Pay and confirm');
    await user.keyboard('production');
    expect(optionLabels()[0]).toBe('Production');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(uiStore.getState().environmentByCollection).toEqual({ c1: 'e2' }));
    expect(onSelect).toHaveBeenCalledWith('workbench');
  });

  it('choosing a flow opens the Flows page with that flow chosen', async () => {
    const { user, onSelect, uiStore } = setup();
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(optionLabels()).toContain('Pay and confirm'));
    await user.keyboard('pay and confirm');
    expect(optionLabels()[0]).toBe('Pay and confirm');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(uiStore.getState().selectedFlow).toEqual({ collectionId: 'c1', flowId: 'fl1' }));
    expect(onSelect).toHaveBeenCalledWith('flows');
  });

  it('Lock vault locks it, and is offered only while the vault is unlocked', async () => {
    const { user, api } = setup();
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(optionLabels()).toContain('Lock vault'));
    await user.keyboard('lock vault{Enter}');
    await waitFor(() => expect(api.calls.some((call) => call.channel === 'vault:lock')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    api.handle({ 'vault:status': () => vaultStatus('locked') });
    api.emit('vault:changed', undefined as never);
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(optionLabels()).toContain('Go to Vault'));
    await waitFor(() => expect(optionLabels()).not.toContain('Lock vault'));
  });

  it('an action that fails keeps the palette open and says why', async () => {
    const { user } = setup({
      'workspace:create': () => {
        throw new ApiError({ code: 'invalid_input', message: 'The workspace is read-only.' });
      },
    });
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(optionLabels()).toContain('Create order'));
    await user.keyboard('new request{Enter}');
    expect(await screen.findByText('The workspace is read-only.')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeTruthy();
  });

  it('says so when nothing matches', async () => {
    const { user } = setup();
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('zzzzqqq');
    expect(optionLabels()).toEqual([]);
    expect(screen.getByText(/Nothing matches “zzzzqqq”/)).toBeTruthy();
  });
});

describe('the shortcut list', () => {
  it('"?" shows it (not while typing in a field), from the palette too, and Escape returns the focus', async () => {
    const { user } = setup();
    const before = screen.getByRole('button', { name: 'Somewhere on the page' });
    before.focus();
    await user.keyboard('?');
    const table = screen.getByRole('table', { name: 'Keyboard shortcuts' });
    expect(table.textContent).toContain('Ctrl+W');
    expect(table.textContent).toContain('Alt+W');
    expect(table.textContent).toContain('F2');
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(before);

    await user.click(screen.getByRole('button', { name: /Command palette/ }));
    await user.keyboard('?');
    expect(screen.queryByRole('table', { name: 'Keyboard shortcuts' })).toBeNull();
    expect((search() as HTMLInputElement).value).toBe('?');
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('table', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });
});

describe('ranking', () => {
  it('answers from 10,000 requests with at most 50 matches, the closest first', () => {
    const items: PaletteItem[] = Array.from({ length: 10_000 }, (_, n) => ({ key: String(n), kind: 'request', label: `Invoice ${String(n)}`, detail: `GET · Billing / Folder ${String(n % 25)}`, run: () => undefined }));
    items.push({ key: 'x', kind: 'request', label: 'Refund invoice', detail: 'POST · Billing', run: () => undefined });
    const prepared = searchable(items);
    const found = rank(prepared, 'refund inv');
    expect(found[0]?.label).toBe('Refund invoice');
    expect(rank(prepared, 'invoice').length).toBe(50);
  });
});
