import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SecretMetadata } from '../../../main/contract/vault.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { RequestEditor } from '../../../renderer/src/pages/workbench/RequestEditor.tsx';
import { useEnvironments } from '../../../renderer/src/pages/workbench/use-environments.ts';
import { useSecretNames } from '../../../renderer/src/pages/workbench/use-secret-names.ts';
import { isDirty, useTabs } from '../../../renderer/src/pages/workbench/use-tabs.ts';
import { createUiStore } from '../../../renderer/src/state/ui-store.ts';
import { secret } from '../hooks/vault-fixtures.ts';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';
import { environment, request } from './editor-fixture.tsx';

/** The editor as the workbench wires it: the draft in the tab store, the environment and vault names from main. */
function Workbench() {
  const tabs = useTabs();
  const id = tabs.activeId;
  const tab = id ? tabs.tabs[id] : undefined;
  const environments = useEnvironments('col-1');
  const secrets = useSecretNames(environments.active?.name);
  if (!tab) return <p>no request</p>;
  return (
    <>
      <p data-testid="dirty">{isDirty(tab) ? 'unsaved' : 'saved'}</p>
      <RequestEditor
        draft={tab.draft}
        environment={environments.active}
        secretNames={secrets.names}
        vaultLocked={secrets.locked}
        running={false}
        blocked={false}
        onChange={(change) => tabs.edit(tab.draft.id, change)}
        onSend={() => undefined}
        onCancel={() => undefined}
      />
    </>
  );
}

function backend(options: { locked: boolean; secrets: SecretMetadata[] }) {
  const vault = { ...options };
  const api = fakeApi({
    'workspace:get': () => request({ id: 'req-1', url: '{{baseUrl}}/orders?key={{secret:paynet.api_key}}' }),
    'workspace:environments': () => [environment()],
    'vault:list': () => {
      if (vault.locked) throw new ApiError({ code: 'locked', message: 'The vault is locked.' });
      return { secrets: vault.secrets };
    },
    'variables:resolve': () => ({ variables: [] }),
    'workspace:effective-auth': () => ({ mode: 'none' }) as never,
  });
  return { api, vault };
}

describe('the request editor over the data layer', () => {
  it('says a secret cannot be checked while the vault is locked, and stops once main reports it unlocked', async () => {
    const main = backend({ locked: true, secrets: [secret('UAT', 'paynet.api_key')] });
    const store = createUiStore();
    store.getState().openTab('req-1');
    renderWithState(<Workbench />, main.api, store);
    expect((await screen.findByTestId('unresolved')).textContent).toContain('the vault is locked');
    main.vault.locked = false;
    act(() => main.api.emit('vault:changed', { reason: 'unlocked', status: { state: 'unlocked' } } as never));
    await waitFor(() => expect(screen.queryByTestId('unresolved')).toBeNull());
  });

  it('keeps what was typed as the tab’s unsaved draft when the workbench is left and shown again', async () => {
    const user = userEvent.setup();
    const main = backend({ locked: false, secrets: [secret('UAT', 'paynet.api_key')] });
    const store = createUiStore();
    store.getState().openTab('req-1');
    const first = renderWithState(<Workbench />, main.api, store);
    const url = await screen.findByLabelText('URL');
    await user.clear(url);
    await user.type(url, 'https://gateway.test/refunds');
    expect(screen.getByTestId('dirty').textContent).toBe('unsaved');
    first.unmount();
    renderWithState(<Workbench />, main.api, store);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('URL').value).toBe('https://gateway.test/refunds'));
    expect(screen.getByTestId('dirty').textContent).toBe('unsaved');
  });
});
