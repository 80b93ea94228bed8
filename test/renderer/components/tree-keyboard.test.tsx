import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelName, CountersignApi } from '../../../main/contract/index.ts';
import type { TreeEntry, TreeListing } from '../../../main/contract/workspace.ts';
import type { ApiClient } from '../../../renderer/src/api/client.ts';
import { ApiProvider } from '../../../renderer/src/api/context.tsx';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { Sidebar } from '../../../renderer/src/pages/workbench/Sidebar.tsx';
import type { TreeView } from '../../../renderer/src/pages/workbench/use-tree.ts';
import { stubTreeLayout, treeListing } from '../tree-fixture.ts';

stubTreeLayout();

const entries: TreeEntry[] = [
  { id: 'c1', kind: 'collection', name: 'Acme', parentId: null, children: ['f1', 'r3'] },
  { id: 'f1', kind: 'folder', name: 'Orders', parentId: 'c1', children: ['r1', 'r2'] },
  { id: 'r1', kind: 'request', name: 'Alpha', parentId: 'f1', method: 'GET', url: 'https://a.test/alpha' },
  { id: 'r2', kind: 'request', name: 'Beta', parentId: 'f1', method: 'POST', url: 'https://a.test/beta' },
  { id: 'r3', kind: 'request', name: 'Gamma', parentId: 'c1', method: 'GET', url: 'https://a.test/gamma' },
  { id: 'c2', kind: 'collection', name: 'Bank', parentId: null, children: ['r4'] },
  { id: 'r4', kind: 'request', name: 'Delta', parentId: 'c2', method: 'DELETE', url: 'https://b.test/delta' },
];
const listing: TreeListing = treeListing(entries);

function treeView(): TreeView {
  return { listing, byId: new Map(entries.map((entry) => [entry.id, entry])), visible: null, filter: '', setFilter: () => undefined, applied: '', error: null, reload: () => undefined };
}

type Calls = { channel: ChannelName; input: unknown }[];

function fakeApi(answers: Partial<Record<ChannelName, (input: unknown) => unknown>>): ApiClient & { calls: Calls } {
  const calls: Calls = [];
  const invoke = new Proxy({} as CountersignApi['invoke'], {
    get: (_target, name) => (input: unknown) => {
      calls.push({ channel: name as ChannelName, input });
      const answer = answers[name as ChannelName];
      // As main does: every answer arrives later, a failure as a rejected promise.
      return Promise.resolve().then(() => {
        if (!answer) throw new ApiError({ code: 'internal', message: `no answer for ${String(name)}` });
        return answer(input);
      });
    },
  });
  return { transport: 'browser', invoke, on: () => () => undefined, calls };
}

function setup(answers: Partial<Record<ChannelName, (input: unknown) => unknown>> = {}) {
  const api = fakeApi(answers);
  const onOpen = vi.fn();
  render(
    <ApiProvider api={api}>
      <button type="button">before</button>
      <Sidebar tree={treeView()} activeId={null} onOpen={onOpen} onImport={() => undefined} />
    </ApiProvider>,
  );
  const tree = screen.getByRole('tree', { name: 'Requests' });
  const user = userEvent.setup();
  /** The row the screen reader is told is current. */
  const cursor = () => {
    const id = tree.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.getAttribute('data-name') ?? null) : null;
  };
  return { api, onOpen, tree, user, cursor };
}

describe('the request tree from the keyboard', () => {
  it('is one tab stop: Tab lands on the tree with the first row current, and the row buttons are not in the tab order', async () => {
    const { tree, user, cursor } = setup();
    screen.getByRole('button', { name: 'Import' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(tree);
    expect(cursor()).toBe('Acme');
    for (const button of within(tree).getAllByRole('button', { hidden: true })) expect(button.tabIndex).toBe(-1);
    await user.tab();
    expect(tree.contains(document.activeElement)).toBe(false);
  });

  it('moves with the arrows, Home and End; Right and Left open, enter, close and go to the parent', async () => {
    const { tree, user, cursor } = setup();
    tree.focus();
    await user.keyboard('{ArrowDown}');
    expect(cursor()).toBe('Orders');
    await user.keyboard('{ArrowRight}');
    expect(cursor()).toBe('Alpha');
    await user.keyboard('{ArrowLeft}');
    expect(cursor()).toBe('Orders');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('treeitem', { name: 'Orders' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: 'GET Alpha' })).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('treeitem', { name: 'GET Alpha' })).toBeTruthy();
    expect(cursor()).toBe('Orders');
    await user.keyboard('{End}');
    expect(cursor()).toBe('Delta');
    await user.keyboard('{ArrowDown}');
    expect(cursor()).toBe('Delta');
    await user.keyboard('{Home}');
    expect(cursor()).toBe('Acme');
    await user.keyboard('{ArrowUp}');
    expect(cursor()).toBe('Acme');
    expect(document.activeElement).toBe(tree);
  });

  it('tells screen readers each row’s level and place among its siblings, since off-screen rows are not in the page', () => {
    setup();
    const gamma = screen.getByRole('treeitem', { name: 'GET Gamma' });
    expect([gamma.getAttribute('aria-level'), gamma.getAttribute('aria-posinset'), gamma.getAttribute('aria-setsize')]).toEqual(['2', '2', '2']);
    const bank = screen.getByRole('treeitem', { name: 'Bank' });
    expect([bank.getAttribute('aria-level'), bank.getAttribute('aria-posinset'), bank.getAttribute('aria-setsize')]).toEqual(['1', '2', '2']);
  });

  it('Enter opens a request and keeps the focus on its row', async () => {
    const { tree, user, cursor, onOpen } = setup();
    tree.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledWith('r2');
    expect(document.activeElement).toBe(tree);
    expect(cursor()).toBe('Beta');
  });

  it('a click on a row puts the focus on the tree with that row current', async () => {
    const { tree, user, cursor, onOpen } = setup();
    await user.click(screen.getByRole('button', { name: 'Gamma', hidden: true }));
    expect(onOpen).toHaveBeenCalledWith('r3');
    expect(document.activeElement).toBe(tree);
    expect(cursor()).toBe('Gamma');
  });

  it('type-ahead moves to the next row whose name starts with what is typed', async () => {
    const { tree, user, cursor } = setup();
    tree.focus();
    await user.keyboard('g');
    expect(cursor()).toBe('Gamma');
    await user.keyboard('d');
    expect(cursor()).toBe('Delta');
  });

  it('F2 renames in place: Escape cancels, Enter commits, and the focus comes back to the row', async () => {
    const renamed: unknown[] = [];
    const { tree, user, cursor, api } = setup({ 'workspace:rename': (input) => (renamed.push(input), entries[4]) });
    tree.focus();
    await user.keyboard('g{F2}');
    const field = screen.getByLabelText('New name for Gamma');
    expect(document.activeElement).toBe(field);
    await user.keyboard('Nope{Escape}');
    expect(screen.queryByLabelText('New name for Gamma')).toBeNull();
    expect(document.activeElement).toBe(tree);
    expect(api.calls.filter((call) => call.channel === 'workspace:rename')).toHaveLength(0);

    await user.keyboard('{F2}');
    await user.keyboard('{Control>}a{/Control}Gamma two{Enter}');
    await waitFor(() => expect(screen.queryByLabelText('New name for Gamma')).toBeNull());
    expect(renamed).toEqual([{ id: 'r3', name: 'Gamma two' }]);
    expect(document.activeElement).toBe(tree);
    expect(cursor()).toBe('Gamma');
  });

  it('a bad name is refused in place with the reason, keeping what was typed', async () => {
    const { tree, user, api } = setup({
      'workspace:rename': () => {
        throw new ApiError({ code: 'invalid_input', message: 'That name is taken here.' });
      },
    });
    tree.focus();
    await user.keyboard('g{F2}{Control>}a{/Control}{Backspace}{Enter}');
    const field = screen.getByLabelText('New name for Gamma');
    expect(screen.getByRole('alert').textContent).toBe('A name cannot be empty.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toHaveLength(0);

    await user.keyboard('Taken{Enter}');
    expect(await screen.findByText('That name is taken here.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('New name for Gamma').value).toBe('Taken');
    expect(document.activeElement).toBe(screen.getByLabelText('New name for Gamma'));
  });

  it('Shift+F10 opens the row’s actions; the arrows move in the menu and Escape returns to the row', async () => {
    const { tree, user, cursor } = setup();
    tree.focus();
    await user.keyboard('{ArrowDown}{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Actions for Orders' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'New folder' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'New request' }));
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Delete' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(tree);
    expect(cursor()).toBe('Orders');
  });

  it('a row scrolled out of view while current stays in the page, so the tree never points at nothing', async () => {
    const many: TreeEntry[] = [{ id: 'c', kind: 'collection', name: 'Big', parentId: null, children: Array.from({ length: 300 }, (_, n) => `q${String(n)}`) }];
    for (let n = 0; n < 300; n++) many.push({ id: `q${String(n)}`, kind: 'request', name: `Request ${String(n)}`, parentId: 'c', method: 'GET' });
    const api = fakeApi({});
    const big: TreeView = { ...treeView(), listing: { collections: ['c'], entries: many }, byId: new Map(many.map((entry) => [entry.id, entry])) };
    render(
      <ApiProvider api={api}>
        <Sidebar tree={big} activeId={null} onOpen={() => undefined} onImport={() => undefined} />
      </ApiProvider>,
    );
    const tree = screen.getByRole('tree', { name: 'Requests' });
    tree.focus();
    const user = userEvent.setup();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getAllByTestId('tree-row').length).toBeLessThan(100);
    // The wheel scrolls far down; the current row (Request 1) is kept.
    act(() => {
      tree.scrollTop = 250 * 28;
      tree.dispatchEvent(new Event('scroll'));
    });
    const id = tree.getAttribute('aria-activedescendant') ?? '';
    expect(document.getElementById(id)?.getAttribute('data-name')).toBe('Request 1');
    expect(screen.getAllByTestId('tree-row').length).toBeLessThan(100);
  });
});
