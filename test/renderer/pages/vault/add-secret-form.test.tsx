import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AddSecretInput, StoredSecret } from '../../../../main/contract/vault.ts';
import { ApiError } from '../../../../renderer/src/api/errors.ts';
import { AddSecretForm } from '../../../../renderer/src/pages/vault/AddSecretForm.tsx';
import { fakeApi, renderWithState } from '../../state/fake-api.tsx';

const NOTICE = 'This value is shorter than 6 characters: outputs hide it only where it stands as a whole word, and a value this short is easy to guess.';

/** "Main" stores what it is given and, like main/vault/short-value-notice.ts, answers a notice for a value under 6 characters. */
function vaultApi() {
  const stored: AddSecretInput[] = [];
  const api = fakeApi({
    'vault:default-hosts': () => ({ hosts: ['api.example.com'] }),
    'vault:add': (input): StoredSecret => {
      if (input.name === 'taken') throw new ApiError({ code: 'conflict', message: 'A secret named "taken" already exists in UAT.' });
      stored.push(input);
      return {
        environment: input.environment,
        name: input.name,
        kind: input.kind,
        createdAt: '2026-12-03T10:00:00Z',
        updatedAt: '2026-12-03T10:00:00Z',
        hint: '••••',
        hosts: ['api.example.com'],
        ...(input.value.length < 6 ? { notice: NOTICE } : {}),
      };
    },
  });
  return { api, stored };
}

async function addSecret(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  await user.type(screen.getByLabelText('Name'), name);
  await user.type(screen.getByLabelText('Value'), value);
  await user.click(screen.getByRole('button', { name: 'Add secret' }));
}

describe('Vault page: adding a secret', () => {
  it('stores a short value and shows main\'s notice about it; a longer value next clears the notice', async () => {
    const { api, stored } = vaultApi();
    renderWithState(<AddSecretForm environment="UAT" />, api);
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('May be sent to (one host a line)').value).toBe('api.example.com'));

    await addSecret(user, 'merchant.pin', '7391');
    const notice = await screen.findByTestId('secret-notice');
    expect(notice.textContent).toBe(`merchant.pin: ${NOTICE}`);
    expect(notice.getAttribute('role')).toBe('status');
    expect(stored).toEqual([{ environment: 'UAT', name: 'merchant.pin', kind: 'text', value: '7391', hosts: ['api.example.com'] }]);
    // Write-only: the value is gone from the form once main has it.
    expect(screen.getByLabelText<HTMLInputElement>('Value').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('');

    await addSecret(user, 'api.key', 'long-enough-key');
    await waitFor(() => expect(stored).toHaveLength(2));
    await waitFor(() => expect(screen.queryByTestId('secret-notice')).toBeNull());
  });

  it('shows main\'s error and keeps what was typed when the add fails', async () => {
    const { api } = vaultApi();
    renderWithState(<AddSecretForm environment="UAT" />, api);
    const user = userEvent.setup();
    await addSecret(user, 'taken', '7391');
    expect((await screen.findByRole('alert')).textContent).toContain('already exists');
    expect(screen.queryByTestId('secret-notice')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('taken');
  });
});
