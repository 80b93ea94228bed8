import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Environment, TreeListing } from '../../../main/contract/workspace.ts';
import { Sidebar } from '../../../renderer/src/pages/workbench/Sidebar.tsx';
import { useTree } from '../../../renderer/src/pages/workbench/use-tree.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';
import { stubTreeLayout, treeListing } from '../tree-fixture.ts';

stubTreeLayout();

const listing: TreeListing = treeListing([
  { id: 'c1', kind: 'collection', name: 'Acme', parentId: null, children: ['r1'] },
  { id: 'r1', kind: 'request', name: 'Pay', parentId: 'c1', method: 'POST', url: 'https://a.test/pay' },
]);
const environments: Environment[] = [
  { id: 'e1', name: 'Sandbox', protected: false, variables: [], secrets: ['acme.token'] },
  { id: 'e2', name: 'Production', protected: true, variables: [], secrets: [] },
];

function Harness() {
  const tree = useTree();
  return <Sidebar tree={tree} activeId={null} onOpen={() => undefined} onImport={() => undefined} />;
}

let downloads: string[];
beforeEach(() => {
  downloads = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => vi.restoreAllMocks());

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Actions for Acme' }));
  await user.click(screen.getByRole('menuitem', { name: 'Export as Postman v2.1…' }));
  return screen.findByRole('dialog', { name: 'Export "Acme" as Postman v2.1' });
}

describe('Export as Postman v2.1', () => {
  it('exports the collection with the chosen environment file, downloads both and lists what Postman cannot carry', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'workspace:tree': () => listing,
      'workspace:environments': () => environments,
      'workspace:export-postman': (input) => ({
        fileName: 'acme.postman_collection.json',
        text: '{}',
        ...(input.environment === undefined ? {} : { environment: { fileName: `acme.${input.environment.toLowerCase()}.postman_environment.json`, text: '{}' } }),
        notes: ['Pay: PayNet X-Timestamp/X-Signature: Postman cannot compute this without a script.'],
        credentialFindings: [],
      }),
    });
    renderWithState(<Harness />, api);
    const dialog = await openDialog(user);
    await waitFor(() => expect(within(dialog).getAllByRole('option').map((option) => option.textContent)).toEqual(['None (collection only)', 'Sandbox', 'Production']));
    await user.selectOptions(within(dialog).getByLabelText('Environment file'), 'Sandbox');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('Exported acme.postman_collection.json and acme.sandbox.postman_environment.json');
    expect(api.calls.filter((call) => call.channel === 'workspace:export-postman').map((call) => call.input)).toEqual([{ collectionId: 'c1', environment: 'Sandbox' }]);
    expect(downloads).toEqual(['acme.postman_collection.json', 'acme.sandbox.postman_environment.json']);
    expect(within(within(dialog).getByTestId('postman-export-notes')).getByText(/Postman cannot compute this without a script/)).toBeTruthy();
  });

  it('with no environment chosen sends none, and shows main\'s refusal in the dialog', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'workspace:tree': () => listing,
      'workspace:environments': () => environments,
      'workspace:export-postman': () => {
        throw new ApiError({ code: 'failed', message: '"Acme" holds a typed-in secret; move it to the vault before exporting.' });
      },
    });
    renderWithState(<Harness />, api);
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('typed-in secret');
    expect(api.calls.filter((call) => call.channel === 'workspace:export-postman').map((call) => call.input)).toEqual([{ collectionId: 'c1' }]);
    expect(downloads).toEqual([]);
  });
});
