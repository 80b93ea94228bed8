import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TreeEntry, TreeListing } from '../../../main/contract/workspace.ts';
import { Sidebar } from '../../../renderer/src/pages/workbench/Sidebar.tsx';
import { useTree } from '../../../renderer/src/pages/workbench/use-tree.ts';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';
import { stubTreeLayout, treeListing } from '../tree-fixture.ts';

stubTreeLayout();

const listingOf = (requests: { id: string; name: string }[]): TreeListing =>
  treeListing([
    { id: 'c1', kind: 'collection', name: 'Acme', parentId: null, children: requests.map((entry) => entry.id) },
    ...requests.map((entry): TreeEntry => ({ id: entry.id, kind: 'request', name: entry.name, parentId: 'c1', method: 'GET', url: `https://a.test/${entry.id}` })),
  ]);

function TreeHarness({ onOpen }: { onOpen: (id: string) => void }) {
  const tree = useTree();
  return <Sidebar tree={tree} activeId={null} onOpen={onOpen} onImport={() => undefined} />;
}

const rowNames = () => within(screen.getByRole('tree', { name: 'Requests' })).queryAllByRole('treeitem').map((row) => row.getAttribute('aria-label') ?? row.textContent);

describe('the sidebar tree over the data layer', () => {
  it('shows what main lists, and follows a change made elsewhere (another window, the CLI)', async () => {
    let listing = listingOf([{ id: 'r1', name: 'Alpha' }]);
    const api = fakeApi({ 'workspace:tree': () => listing });
    renderWithState(<TreeHarness onOpen={() => undefined} />, api);
    await waitFor(() => expect(rowNames().join(' ')).toContain('Alpha'));
    listing = listingOf([
      { id: 'r1', name: 'Alpha renamed' },
      { id: 'r2', name: 'Beta' },
    ]);
    act(() => api.emit('workspace:changed', { ids: ['r1', 'r2'] }));
    await waitFor(() => expect(rowNames().join(' ')).toContain('Beta'));
    expect(rowNames().join(' ')).toContain('Alpha renamed');
  });

  it('filters as the user types and opens the request clicked', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'workspace:tree': () =>
        listingOf([
          { id: 'r1', name: 'Alpha' },
          { id: 'r2', name: 'Beta' },
        ]),
    });
    const opened: string[] = [];
    renderWithState(<TreeHarness onOpen={(id) => opened.push(id)} />, api);
    await waitFor(() => expect(rowNames().join(' ')).toContain('Beta'));
    await user.type(screen.getByLabelText('Filter requests'), 'bet');
    await waitFor(() => expect(rowNames().join(' ')).not.toContain('Alpha'));
    await user.click(screen.getByText('Beta'));
    expect(opened).toEqual(['r2']);
  });

  it("shows main's error when the tree cannot be read", async () => {
    const api = fakeApi({
      'workspace:tree': () => {
        throw new Error('The workspace file is not valid JSON.');
      },
    });
    renderWithState(<TreeHarness onOpen={() => undefined} />, api);
    expect(await screen.findByText('The workspace file is not valid JSON.')).toBeTruthy();
  });
});
