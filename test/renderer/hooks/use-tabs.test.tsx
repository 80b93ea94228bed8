import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestNode } from '../../../main/contract/workspace.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { isDirty, useTabs, type TabsView } from '../../../renderer/src/pages/workbench/use-tabs.ts';
import { createUiStore } from '../../../renderer/src/state/ui-store.ts';
import { request } from '../components/editor-fixture.tsx';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';

/** A workspace in "main" the test edits behind the renderer's back (another window, git pull). */
function workspaceBackend(initial: RequestNode[]) {
  const nodes = new Map(initial.map((node) => [node.id, node]));
  const api = fakeApi({
    'workspace:get': ({ id }) => {
      const node = nodes.get(id);
      if (!node) throw new ApiError({ code: 'not_found', message: `No item ${id}.` });
      return node;
    },
    'workspace:update-request': ({ id, patch }) => {
      const node = { ...nodes.get(id)!, ...patch } as RequestNode;
      nodes.set(id, node);
      return node;
    },
  });
  return { api, nodes };
}

let view: TabsView;
function Tabs() {
  view = useTabs();
  return (
    <ul aria-label="tabs">
      {view.order.map((id) => {
        const tab = view.tabs[id];
        return <li key={id}>{tab ? `${tab.draft.name}${isDirty(tab) ? ' *' : ''}${tab.conflict ? ` (${tab.conflict})` : ''}${view.activeId === id ? ' [active]' : ''}` : `${id} loading`}</li>;
      })}
    </ul>
  );
}
const shown = () => screen.queryAllByRole('listitem').map((item) => item.textContent);

describe('useTabs', () => {
  it('keeps open tabs and unsaved edits across a visit to another page', async () => {
    const main = workspaceBackend([request({ id: 'r1', name: 'Orders' }), request({ id: 'r2', name: 'Refunds' })]);
    const store = createUiStore();
    const first = renderWithState(<Tabs />, main.api, store);
    act(() => view.open('r1'));
    act(() => view.open('r2'));
    await waitFor(() => expect(shown()).toEqual(['Orders', 'Refunds [active]']));
    act(() => view.edit('r1', (draft) => ({ ...draft, url: 'https://gateway.test/orders?page=2' })));
    first.unmount();
    renderWithState(<Tabs />, main.api, store);
    await waitFor(() => expect(shown()).toEqual(['Orders *', 'Refunds [active]']));
    expect(view.tabs.r1?.draft.url).toBe('https://gateway.test/orders?page=2');
  });

  it('follows a change saved elsewhere: a clean tab takes it, a dirty one keeps its edits but shows the new name', async () => {
    const main = workspaceBackend([request({ id: 'r1', name: 'Orders' }), request({ id: 'r2', name: 'Refunds' })]);
    renderWithState(<Tabs />, main.api);
    act(() => view.open('r1'));
    act(() => view.open('r2'));
    await waitFor(() => expect(shown()).toEqual(['Orders', 'Refunds [active]']));
    act(() => view.edit('r1', (draft) => ({ ...draft, method: 'POST' })));
    main.nodes.set('r1', request({ id: 'r1', name: 'All orders' }));
    main.nodes.set('r2', request({ id: 'r2', name: 'Refunds', url: 'https://gateway.test/refunds' }));
    act(() => main.api.emit('workspace:changed', { ids: ['r1', 'r2'] }));
    await waitFor(() => expect(shown()).toEqual(['All orders *', 'Refunds [active]']));
    expect(view.tabs.r1?.draft.method).toBe('POST');
    expect(view.tabs.r2?.draft.url).toBe('https://gateway.test/refunds');
  });

  it('turns a file changed on disk under unsaved edits into a conflict, and a deleted one too; a clean deleted tab closes', async () => {
    const main = workspaceBackend([request({ id: 'r1', name: 'Orders' }), request({ id: 'r2', name: 'Refunds' }), request({ id: 'r3', name: 'Payouts' })]);
    renderWithState(<Tabs />, main.api);
    for (const id of ['r1', 'r2', 'r3']) act(() => view.open(id));
    await waitFor(() => expect(shown()).toEqual(['Orders', 'Refunds', 'Payouts [active]']));
    act(() => view.edit('r1', (draft) => ({ ...draft, url: 'https://mine.test' })));
    act(() => view.edit('r2', (draft) => ({ ...draft, url: 'https://mine.test' })));
    main.nodes.set('r1', request({ id: 'r1', name: 'Orders', url: 'https://theirs.test' }));
    main.nodes.delete('r2');
    main.nodes.delete('r3');
    act(() => {
      main.api.emit('workspace:changed', { ids: ['r1', 'r2', 'r3'] });
      main.api.emit('workspace:reloaded', { changed: ['r1'], removed: ['r2', 'r3'], problems: [] });
    });
    // Payouts was in view: closing it shows its neighbour.
    await waitFor(() => expect(shown()).toEqual(['Orders * (changed)', 'Refunds * (deleted) [active]']));
    await act(() => view.resolveConflict('r1', 'theirs'));
    expect(view.tabs.r1?.draft.url).toBe('https://theirs.test');
    expect(view.tabs.r1?.conflict).toBeUndefined();
  });

  it('saves the draft through main and is clean afterwards; a refused save keeps the draft and says why', async () => {
    const main = workspaceBackend([request({ id: 'r1', name: 'Orders' })]);
    renderWithState(<Tabs />, main.api);
    act(() => view.open('r1'));
    await waitFor(() => expect(shown()).toEqual(['Orders [active]']));
    act(() => view.edit('r1', (draft) => ({ ...draft, url: 'https://saved.test' })));
    await act(() => view.save('r1'));
    expect(shown()).toEqual(['Orders [active]']);
    expect(main.nodes.get('r1')?.url).toBe('https://saved.test');

    main.api.handle({
      'workspace:update-request': () => {
        throw new ApiError({ code: 'conflict', message: 'The workspace is read-only.' });
      },
    });
    act(() => view.edit('r1', (draft) => ({ ...draft, url: 'https://not-saved.test' })));
    await act(() => view.save('r1').catch(() => undefined));
    expect(view.error).toBe('The workspace is read-only.');
    expect(shown()).toEqual(['Orders * [active]']);
  });
});
