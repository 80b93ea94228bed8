import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SecretMetadata, VaultState } from '../../../main/contract/vault.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { useVaultState } from '../../../renderer/src/pages/keys/use-vault-state.ts';
import { useSecretNames } from '../../../renderer/src/pages/workbench/use-secret-names.ts';
import { useVault } from '../../../renderer/src/pages/vault/use-vault.ts';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';
import { change, secret, vaultStatus } from './vault-fixtures.ts';

/** A vault in "main" that the test changes behind the renderer's back, as the CLI does. */
function vaultBackend() {
  let state: VaultState = 'unlocked';
  let secrets: SecretMetadata[] = [secret('UAT', 'paynet.client_id')];
  const api = fakeApi({
    'vault:status': () => vaultStatus(state, state === 'unlocked' ? secrets.length : null),
    'vault:list': () => {
      if (state !== 'unlocked') throw new ApiError({ code: 'locked', message: 'The vault is locked.' });
      return { secrets };
    },
  });
  return {
    api,
    set: (next: { state?: VaultState; secrets?: SecretMetadata[] }) => {
      state = next.state ?? state;
      secrets = next.secrets ?? secrets;
    },
  };
}

function VaultView() {
  const vault = useVault();
  return (
    <>
      <p>state: {vault.status?.state ?? 'loading'}</p>
      <ul aria-label="secrets">
        {vault.secrets.map((entry) => (
          <li key={entry.environment + entry.name}>{entry.name}</li>
        ))}
      </ul>
      {vault.error && <p role="alert">{vault.error}</p>}
    </>
  );
}

const names = () => screen.queryAllByRole('listitem').map((item) => item.textContent);

describe('useVault', () => {
  it('shows a secret added in a terminal once main reports the vault changed', async () => {
    const main = vaultBackend();
    renderWithState(<VaultView />, main.api);
    await screen.findByText('paynet.client_id');
    main.set({ secrets: [secret('UAT', 'paynet.client_id'), secret('UAT', 'paynet.client_secret')] });
    act(() => main.api.emit('vault:changed', change('unlocked')));
    await screen.findByText('paynet.client_secret');
    expect(names()).toEqual(['paynet.client_id', 'paynet.client_secret']);
  });

  it('stops showing "unlocked" and the secret list when main reports the vault locked elsewhere', async () => {
    const main = vaultBackend();
    renderWithState(<VaultView />, main.api);
    await screen.findByText('state: unlocked');
    main.set({ state: 'locked' });
    act(() => main.api.emit('vault:changed', change('locked', 'locked')));
    await screen.findByText('state: locked');
    expect(names()).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the vault is absent when its file was removed', async () => {
    const main = vaultBackend();
    renderWithState(<VaultView />, main.api);
    await screen.findByText('state: unlocked');
    main.set({ state: 'absent' });
    act(() => main.api.emit('vault:changed', change('absent', 'damaged')));
    await screen.findByText('state: absent');
  });
});

describe('useVaultState and useSecretNames', () => {
  function Both() {
    const state = useVaultState();
    const secrets = useSecretNames('UAT');
    return (
      <p>
        {state ?? 'loading'} / {secrets.locked ? 'locked' : secrets.names.join(',')}
      </p>
    );
  }

  it('follow the same vault:changed event: names go when the vault locks, and come back', async () => {
    const main = vaultBackend();
    renderWithState(<Both />, main.api);
    await screen.findByText('unlocked / paynet.client_id');
    main.set({ state: 'locked' });
    act(() => main.api.emit('vault:changed', change('locked', 'locked')));
    await screen.findByText('locked / locked');
    main.set({ state: 'unlocked', secrets: [secret('UAT', 'momo.api_key'), secret('Production', 'momo.prod_key')] });
    act(() => main.api.emit('vault:changed', change('unlocked', 'unlocked')));
    await screen.findByText('unlocked / momo.api_key');
  });
});
