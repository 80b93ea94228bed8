import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BodyFileFacts } from '../../../main/contract/files.ts';
import { BodyEditor } from '../../../renderer/src/pages/workbench/BodyEditor.tsx';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';

/** Main's answers for one file: refused until its folder is allowed through files:allow-body-folder. */
function mainWithAllowList(folder: string) {
  const allowed: string[] = [];
  const facts = ({ path }: { path: string }): BodyFileFacts =>
    allowed.includes(folder)
      ? { path, name: 'statement.csv', size: 20, problem: null, access: 'allowed', allowFolder: null }
      : { path, name: 'statement.csv', size: 20, problem: `${path} is not in a folder you allowed for request bodies.`, access: 'not-allowed', allowFolder: folder };
  const api = fakeApi({
    'files:body-file-facts': facts,
    'files:allow-body-folder': ({ path }) => {
      allowed.push(path);
      return { folders: [...allowed], workspaceFolder: null, never: [] };
    },
    'files:body-file-folders': () => ({ folders: [...allowed], workspaceFolder: null, never: [] }),
    'files:forget-body-folder': ({ path }) => {
      allowed.splice(allowed.indexOf(path), 1);
      return { folders: [...allowed], workspaceFolder: null, never: [] };
    },
  });
  return { api, allowed };
}

describe('a body file outside the allowed folders', () => {
  it('is flagged with "Allow this folder…", which allows the folder only after a second click naming it', async () => {
    const { api, allowed } = mainWithAllowList('/home/u/uploads');
    const user = userEvent.setup();
    renderWithState(<BodyEditor body={{ kind: 'binary', path: '/home/u/uploads/statement.csv', contentType: '' }} onChange={() => undefined} />, api);
    expect((await screen.findByRole('alert')).textContent).toMatch(/not in a folder you allowed/);
    await user.click(screen.getByRole('button', { name: 'Allow this folder…' }));
    // The first click only asks: nothing is allowed yet.
    expect(allowed).toEqual([]);
    const ask = screen.getByRole('group', { name: 'Body file: allow its folder' });
    expect(ask.textContent).toContain('/home/u/uploads');
    await user.click(screen.getByRole('button', { name: 'Allow /home/u/uploads' }));
    expect(allowed).toEqual(['/home/u/uploads']);
    // Main is asked again and the file now shows as sendable.
    await waitFor(() => expect(screen.getByRole('status', { name: 'Body file check' }).textContent).toBe('statement.csv, 20 B: read when the request is sent.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Allow this folder…' })).toBeNull();

    // The list under the editor shows it, and Forget takes it back: the file is refused again.
    await user.click(screen.getByText(/^Folders request bodies may read/));
    const list = screen.getByRole('list', { name: 'Folders request bodies may read' });
    await waitFor(() => expect(list.textContent).toContain('/home/u/uploads'));
    await user.click(screen.getByRole('button', { name: 'Forget /home/u/uploads' }));
    expect(allowed).toEqual([]);
    expect(await screen.findByRole('button', { name: 'Allow this folder…' })).toBeTruthy();
  });

  it('Cancel allows nothing', async () => {
    const { api, allowed } = mainWithAllowList('/srv/in');
    const user = userEvent.setup();
    renderWithState(<BodyEditor body={{ kind: 'binary', path: '/srv/in/statement.csv', contentType: '' }} onChange={() => undefined} />, api);
    await user.click(await screen.findByRole('button', { name: 'Allow this folder…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(allowed).toEqual([]);
    expect(api.calls.some((call) => call.channel === 'files:allow-body-folder')).toBe(false);
    expect(screen.getByRole('button', { name: 'Allow this folder…' })).toBeTruthy();
  });
});
