import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuthSchemeDescription } from '../../../main/contract/auth-schemes.ts';
import type { AuthSetting } from '../../../main/contract/workspace.ts';
import type { ApiClient } from '../../../renderer/src/api/client.ts';
import { ApiProvider } from '../../../renderer/src/api/context.tsx';
import { AuthEditor } from '../../../renderer/src/pages/workbench/AuthEditor.tsx';

// Descriptions main would never send: the editor must draw whatever arrives, not a list of its own.
const SCHEMES: AuthSchemeDescription[] = [
  {
    type: 'bearer',
    label: 'Token from main',
    initial: { type: 'bearer', token: '{{secret:first}}' },
    fields: [{ key: 'token', label: 'Described token', kind: 'secret', secret: 'text', optional: false }],
  },
  {
    type: 'api-key',
    label: 'Key from main',
    initial: { type: 'api-key', in: 'query', name: 'k', value: '' },
    fields: [
      { key: 'in', label: 'Where', kind: 'select', options: ['header', 'query'], optional: false },
      { key: 'name', label: 'Described name', kind: 'text', optional: true },
    ],
  },
];

function fakeApi(): ApiClient {
  const invoke = {
    'auth:schemes': vi.fn(() => Promise.resolve({ schemes: SCHEMES })),
    'workspace:effective-auth': vi.fn(() => Promise.resolve([{ type: 'api-key', in: 'header', name: 'x', value: 'y' }])),
  };
  return { invoke, on: () => () => undefined, transport: 'browser' } as unknown as ApiClient;
}

function renderEditor(auth: AuthSetting, api = fakeApi()) {
  const onChange = vi.fn<(auth: AuthSetting) => void>();
  render(
    <ApiProvider api={api}>
      <AuthEditor requestId="r1" auth={auth} secretNames={['first', 'second']} onChange={onChange} />
    </ApiProvider>,
  );
  return onChange;
}

describe('AuthEditor draws the schemes main describes', () => {
  it('offers main’s schemes and fields, labelled as main says', async () => {
    renderEditor({ mode: 'chain', steps: [{ type: 'bearer', token: '{{secret:second}}' }] });
    const scheme = await screen.findByLabelText('Scheme of step 1');
    expect(within(scheme).getAllByRole('option').map((o) => o.textContent)).toEqual(['Token from main', 'Key from main']);
    expect(screen.getByLabelText('Described token')).toHaveProperty('value', 'second');
  });

  it('starts a chosen scheme as main’s initial step', async () => {
    const onChange = renderEditor({ mode: 'chain', steps: [{ type: 'bearer', token: '' }] });
    await userEvent.selectOptions(await screen.findByLabelText('Scheme of step 1'), 'Key from main');
    expect(onChange).toHaveBeenLastCalledWith({ mode: 'chain', steps: [{ type: 'api-key', in: 'query', name: 'k', value: '' }] });
  });

  it('removes an optional field the user empties, keeping the rest of the step', async () => {
    const onChange = renderEditor({ mode: 'chain', steps: [{ type: 'api-key', in: 'header', name: 'k', value: '{{secret:first}}' }] });
    await userEvent.clear(await screen.findByLabelText('Described name'));
    expect(onChange).toHaveBeenLastCalledWith({ mode: 'chain', steps: [{ type: 'api-key', in: 'header', value: '{{secret:first}}' }] });
  });

  it('names inherited steps by main’s labels', async () => {
    renderEditor({ mode: 'inherit' });
    expect(await screen.findByTestId('inherited-auth')).toHaveProperty('textContent', 'Inherits: Key from main.');
  });
});
