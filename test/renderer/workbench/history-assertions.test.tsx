import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AssertionResult } from '../../../main/contract/assertions.ts';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import type { Environment, TreeEntry } from '../../../main/contract/workspace.ts';
import { WorkbenchPage } from '../../../renderer/src/pages/workbench/WorkbenchPage.tsx';
import { request } from '../components/editor-fixture.tsx';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';
import { stubTreeLayout, treeListing } from '../tree-fixture.ts';

stubTreeLayout();

const entries: TreeEntry[] = [
  { id: 'c1', kind: 'collection', name: 'PayNet OSP', parentId: null, children: ['r1'] },
  { id: 'r1', kind: 'request', name: 'Report status', parentId: 'c1', method: 'GET', url: 'https://osp.test/reports/1' },
];
const sandbox: Environment = { id: 'e1', name: 'Sandbox', protected: false, variables: [], secrets: [] };

const passed: AssertionResult = { index: 0, kind: 'status', label: 'status is 2xx', passed: true, actual: '200', message: 'The status is 200.' };
const failed: AssertionResult = { index: 1, kind: 'jsonpath', label: '$.status equals PENDING', passed: false, actual: '"READY"', message: '$.status is READY, expected PENDING.' };

function sendAt(id: string, minute: number, assertions?: AssertionResult[]): HistoryEntry {
  return {
    id,
    at: Date.UTC(2026, 11, 3, 18, minute),
    requestId: 'r1',
    requestName: 'Report status',
    method: 'GET',
    collectionId: 'c1',
    collectionName: 'PayNet OSP',
    environment: { id: 'e1', name: 'Sandbox', protected: false },
    status: 200,
    errorKind: null,
    errorMessage: null,
    durationMs: 40,
    bytes: 120,
    summary: { method: 'GET', url: 'https://osp.test/reports/1', headers: [], bodyPreview: '' },
    ...(assertions ? { assertions } : {}),
  };
}

function setup() {
  const api = fakeApi({
    'workspace:tree': () => treeListing(entries),
    'workspace:get': ({ id }) => request({ id, name: 'Report status', parentId: 'c1' }),
    'workspace:environments': () => [sandbox],
    'history:list': () => [sendAt('h3', 30, [passed, failed]), sendAt('h2', 20, [passed]), sendAt('h1', 10)],
    'vault:list': () => ({ environment: 'Sandbox', secrets: [] }),
    // Never answers: the test looks only at what a send starting does.
    'requests:send': () => new Promise(() => undefined),
    'vault:status': () => {
      throw new Error('not needed here');
    },
  });
  const view = renderWithState(<WorkbenchPage />, api);
  return { user: userEvent.setup(), api, view };
}

const rows = () => screen.getAllByTestId('history-entry');
const markOf = (row: HTMLElement) => within(row).getByTestId('history-assertions');

describe('assertion results in the workbench History', () => {
  it('marks each row with whether its assertions held, and nothing where the send had none', async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [failing, passing, none] = rows().map(markOf);
    expect(failing?.getAttribute('data-passed')).toBe('false');
    expect(failing?.textContent).toContain('✗ 1 failed');
    expect(failing?.textContent).toContain('1 of 2 assertions failed');
    expect(passing?.getAttribute('data-passed')).toBe('true');
    expect(passing?.textContent).toContain('1 assertion passed');
    expect(none?.textContent).toBe('');
  });

  it('reopening a send shows its assertion results above the request, until closed or sent again', async () => {
    const { user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[0]!).getByRole('button', { name: 'Reopen Report status (Sandbox)' }));
    const reopened = await screen.findByTestId('reopened-send');
    expect(within(reopened).getByTestId('reopened-outcome').textContent).toBe('200');
    expect(within(reopened).getByTestId('assertion-summary').textContent).toBe('1 of 2 assertions failed');
    const results = within(reopened).getAllByTestId('assertion-result');
    expect(results.map((result) => result.getAttribute('data-passed'))).toEqual(['true', 'false']);
    expect(results[1]?.textContent).toContain('$.status is READY, expected PENDING.');
    // The request itself is open for another send.
    expect(await screen.findByRole('button', { name: 'Send' })).toBeTruthy();

    await user.click(within(reopened).getByRole('button', { name: 'Close the reopened send' }));
    expect(screen.queryByTestId('reopened-send')).toBeNull();

    await user.click(within(rows()[2]!).getByRole('button', { name: 'Reopen Report status (Sandbox)' }));
    expect(within(await screen.findByTestId('reopened-send')).getByTestId('reopened-no-assertions')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.queryByTestId('reopened-send')).toBeNull();
  });

  it('a visit to another page keeps the reopened send', async () => {
    const { user, api, view } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(within(rows()[0]!).getByRole('button', { name: 'Reopen Report status (Sandbox)' }));
    await screen.findByTestId('reopened-send');
    // Leaving the workbench unmounts it; coming back mounts a new one over the same store.
    view.unmount();
    renderWithState(<WorkbenchPage />, api, view.uiStore);
    const reopened = await screen.findByTestId('reopened-send');
    expect(within(reopened).getByTestId('assertion-summary').textContent).toBe('1 of 2 assertions failed');
  });
});
