import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RotateSecretInput, SecretMetadata, StoredSecret } from '../../../../main/contract/vault.ts';
import { ApiError } from '../../../../renderer/src/api/errors.ts';
import { RotateDialog } from '../../../../renderer/src/pages/vault/RotateDialog.tsx';
import { fakeApi, renderWithState } from '../../state/fake-api.tsx';

const NOTICE = 'This value is shorter than 6 characters: outputs hide it only where it stands as a whole word.';
const SECRET: SecretMetadata = {
  environment: 'UAT',
  name: 'merchant.pin',
  kind: 'text',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  hint: '••••',
  hosts: ['api.example.com'],
};

/** "Main" answers a notice for a value under 6 characters, as main/vault/short-value-notice.ts does, and refuses "locked". */
function rotateApi() {
  const rotated: RotateSecretInput[] = [];
  const api = fakeApi({
    'vault:rotate': (input): StoredSecret => {
      if (input.value === 'locked') throw new ApiError({ code: 'locked', message: 'The vault is locked.' });
      rotated.push(input);
      return { ...SECRET, updatedAt: '2026-12-03T10:00:00Z', ...(input.value.length < 6 ? { notice: NOTICE } : {}) };
    },
  });
  return { api, rotated };
}

async function replaceWith(value: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('New value'), value);
  await user.click(screen.getByRole('button', { name: 'Replace value' }));
  return user;
}

describe('Vault page: replacing a secret value', () => {
  it('closes once main has a value long enough', async () => {
    const { api, rotated } = rotateApi();
    const onClose = vi.fn();
    renderWithState(<RotateDialog secret={SECRET} onClose={onClose} />, api);
    await replaceWith('a-long-new-value');
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(rotated).toEqual([{ environment: 'UAT', name: 'merchant.pin', value: 'a-long-new-value' }]);
  });

  it('stays open with main\'s notice for a short value, without the value, until Done', async () => {
    const { api, rotated } = rotateApi();
    const onClose = vi.fn();
    renderWithState(<RotateDialog secret={SECRET} onClose={onClose} />, api);
    const user = await replaceWith('7391');
    const notice = await screen.findByTestId('secret-notice');
    expect(notice.textContent).toBe(`The new value of merchant.pin is saved. ${NOTICE}`);
    expect(rotated).toHaveLength(1);
    expect(onClose).not.toHaveBeenCalled();
    // Write-only: no field holds the value any more.
    expect(screen.queryByLabelText('New value')).toBeNull();
    expect(document.body.textContent).not.toContain('7391');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('shows main\'s error and keeps the typed value when the replace fails', async () => {
    const { api } = rotateApi();
    const onClose = vi.fn();
    renderWithState(<RotateDialog secret={SECRET} onClose={onClose} />, api);
    await replaceWith('locked');
    expect((await screen.findByRole('alert')).textContent).toContain('The vault is locked.');
    expect(screen.getByLabelText<HTMLInputElement>('New value').value).toBe('locked');
    expect(onClose).not.toHaveBeenCalled();
  });
});
