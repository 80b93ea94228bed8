import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BodyFileFolders } from '../../../main/contract/files.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { BodyFoldersField } from '../../../renderer/src/pages/BodyFoldersField.tsx';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';

const NEVER = [{ path: '/home/u/.ssh', what: 'SSH keys' }];

/** Main's allow-list: refuses ~/.ssh as main/requests/file-access.ts does, keeps the rest in order. */
function mainWithAllowList(workspaceFolder: string | null = null) {
  const allowed: string[] = [];
  const answer = (): BodyFileFolders => ({ folders: [...allowed], workspaceFolder, never: NEVER });
  const api = fakeApi({
    'files:body-file-folders': answer,
    'files:allow-body-folder': ({ path }) => {
      if (path.startsWith('/home/u/.ssh')) throw new ApiError({ code: 'forbidden', message: `${path} holds SSH keys: request bodies never read it.` });
      allowed.push(path);
      return answer();
    },
    'files:forget-body-folder': ({ path }) => {
      allowed.splice(allowed.indexOf(path), 1);
      return answer();
    },
  });
  return { api, allowed };
}

describe('Settings: the folders request bodies may read', () => {
  it('allows a typed folder, lists it, and Forget takes it back', async () => {
    const { api, allowed } = mainWithAllowList('/home/u/team-repo');
    const user = userEvent.setup();
    renderWithState(<BodyFoldersField />, api);
    const list = screen.getByRole('list', { name: 'Folders request bodies may read' });
    await waitFor(() => expect(list.textContent).toContain('/home/u/team-repo'));
    await user.type(screen.getByLabelText('Folder to allow'), ' /home/u/uploads ');
    await user.click(screen.getByRole('button', { name: 'Allow folder' }));
    expect(allowed).toEqual(['/home/u/uploads']);
    await waitFor(() => expect(within(list).getByRole('button', { name: 'Forget /home/u/uploads' })).toBeTruthy());
    expect(screen.getByLabelText<HTMLInputElement>('Folder to allow').value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Forget /home/u/uploads' }));
    expect(allowed).toEqual([]);
    await waitFor(() => expect(within(list).queryByRole('button', { name: /^Forget/ })).toBeNull());
    // The workspace folder is shown but is not the user's to forget here.
    expect(list.textContent).toContain('/home/u/team-repo');
  });

  it('shows main\'s refusal, keeps what was typed, and lists what is never read', async () => {
    const { api, allowed } = mainWithAllowList();
    const user = userEvent.setup();
    renderWithState(<BodyFoldersField />, api);
    expect(await screen.findByText('None yet: a file outside them is never sent.')).toBeTruthy();
    await user.type(screen.getByLabelText('Folder to allow'), '/home/u/.ssh');
    await user.click(screen.getByRole('button', { name: 'Allow folder' }));
    expect((await screen.findByRole('alert')).textContent).toBe('/home/u/.ssh holds SSH keys: request bodies never read it.');
    expect(allowed).toEqual([]);
    expect(screen.getByLabelText<HTMLInputElement>('Folder to allow').value).toBe('/home/u/.ssh');
    // Typing again clears the old refusal.
    await user.type(screen.getByLabelText('Folder to allow'), 'x');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByText(/^Never read, whatever is allowed/));
    expect(screen.getByRole('list', { name: 'Never read' }).textContent).toContain('/home/u/.ssh (SSH keys)');
  });
});
