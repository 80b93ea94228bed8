import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuthSchemeDescription } from '../../../main/contract/auth-schemes.ts';
import type { AuthSetting } from '../../../main/contract/workspace.ts';
import { AuthEditor } from '../../../renderer/src/pages/workbench/AuthEditor.tsx';
import { fakeApi as stateFakeApi, renderWithState, type FakeApi } from '../state/fake-api.tsx';

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

function fakeApi(): FakeApi {
  return stateFakeApi({
    'auth:schemes': () => ({ schemes: SCHEMES }),
    'workspace:effective-auth': () => [{ type: 'api-key', in: 'header', name: 'x', value: 'y' }],
  });
}

function renderEditor(auth: AuthSetting, api = fakeApi()) {
  const onChange = vi.fn<(auth: AuthSetting) => void>();
  const view = renderWithState(<AuthEditor requestId="r1" auth={auth} secretNames={['first', 'second']} onChange={onChange} />, api);
  return Object.assign(onChange, { view });
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

  it('asks main for the schemes once, however often an editor mounts, and again after a failed answer', async () => {
    const api = stateFakeApi({
      'auth:schemes': () => Promise.reject(new Error('main is restarting')),
      'workspace:effective-auth': () => [],
    });
    const { view } = renderEditor({ mode: 'chain', steps: [{ type: 'bearer', token: '' }] }, api);
    expect(await screen.findByText(/main is restarting/)).toBeTruthy();
    api.handle({ 'auth:schemes': () => ({ schemes: SCHEMES }) });
    const editor = (requestId: string) => <AuthEditor requestId={requestId} auth={{ mode: 'chain', steps: [{ type: 'bearer', token: '' }] }} secretNames={[]} onChange={() => undefined} />;
    view.rerender(<></>);
    view.rerender(editor('r2'));
    await screen.findByLabelText('Scheme of step 1');
    view.rerender(<></>);
    view.rerender(editor('r3'));
    await screen.findByLabelText('Scheme of step 1');
    expect(api.calls.filter((call) => call.channel === 'auth:schemes')).toHaveLength(2);
  });
});
