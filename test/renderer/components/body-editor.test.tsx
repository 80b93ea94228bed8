import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { RequestBody } from '../../../main/contract/workspace.ts';
import { BodyEditor } from '../../../renderer/src/pages/workbench/BodyEditor.tsx';
import { fakeApi, renderWithState, type FakeApi } from '../state/fake-api.tsx';

/** The editor as the request editor holds it: the body is state, every change kept. */
function Harness({ initial, seen }: { initial: RequestBody; seen: RequestBody[] }) {
  const [body, setBody] = useState<RequestBody>(initial);
  return (
    <>
      <BodyEditor
        body={body}
        onChange={(next) => {
          seen.push(next);
          setBody(next);
        }}
      />
      <button type="button">after the editor</button>
    </>
  );
}

function setup(initial: RequestBody, api: FakeApi = fakeApi()) {
  const seen: RequestBody[] = [];
  const user = userEvent.setup();
  renderWithState(<Harness initial={initial} seen={seen} />, api);
  return { seen, user, last: () => seen.at(-1) };
}

const facts = (path: string) => ({ path, name: path.split('/').at(-1) ?? '', size: 1536, problem: null, access: 'allowed' as const, allowFolder: null });

describe('BodyEditor', () => {
  it('offers every body kind, including multipart and a binary file', async () => {
    const { user, last } = setup({ kind: 'none' });
    const kinds = screen.getAllByRole('radio').map((radio) => radio.textContent);
    expect(kinds).toEqual(['none', 'JSON', 'form-urlencoded', 'multipart', 'raw', 'binary file']);
    await user.click(screen.getByRole('radio', { name: 'multipart' }));
    expect(last()).toEqual({ kind: 'multipart', parts: [] });
    await user.click(screen.getByRole('radio', { name: 'binary file' }));
    expect(last()).toEqual({ kind: 'binary', path: '', contentType: '' });
  });

  it('Tab indents in the JSON body; Esc then Tab leaves the field, as the visible hint says', async () => {
    const { user, last } = setup({ kind: 'json', text: '' });
    const area = screen.getByRole('textbox', { name: 'JSON body' });
    const hint = screen.getByText(/press Esc, then Tab/);
    expect(area.getAttribute('aria-describedby')).toBe(hint.id);
    await user.click(area);
    await user.keyboard('{{');
    await user.keyboard('{Enter}{Tab}"a": 1');
    expect(last()).toEqual({ kind: 'json', text: '{\n  "a": 1' });
    expect(document.activeElement).toBe(area);
    await user.keyboard('{Escape}{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'after the editor' }));
  });

  it('with lines selected, Tab indents and Shift+Tab outdents each of them', async () => {
    const { user, last } = setup({ kind: 'raw', text: 'a\nb\nc', contentType: 'text/plain' });
    const area = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Raw body' });
    await user.click(area);
    area.setSelectionRange(0, 3);
    await user.keyboard('{Tab}');
    expect(last()).toEqual({ kind: 'raw', text: '  a\n  b\nc', contentType: 'text/plain' });
    area.setSelectionRange(0, 7);
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(last()).toEqual({ kind: 'raw', text: 'a\nb\nc', contentType: 'text/plain' });
  });

  it('Tab indents the raw body too', async () => {
    const { user, last } = setup({ kind: 'raw', text: '', contentType: 'text/plain' });
    await user.click(screen.getByRole('textbox', { name: 'Raw body' }));
    await user.keyboard('{Tab}x');
    expect(last()).toEqual({ kind: 'raw', text: '  x', contentType: 'text/plain' });
  });

  it('"Format JSON" indents valid JSON, keeping {{variables}} that stand for values', async () => {
    const { user, last } = setup({ kind: 'json', text: '{"amount":{{amount}},"ref":"{{ref}}","items":[1,2]}' });
    await user.click(screen.getByRole('button', { name: 'Format JSON' }));
    expect(last()).toEqual({ kind: 'json', text: '{\n  "amount": {{amount}},\n  "ref": "{{ref}}",\n  "items": [\n    1,\n    2\n  ]\n}' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('"Format JSON" on invalid JSON says why inline and changes nothing', async () => {
    const { user, seen } = setup({ kind: 'json', text: '{"a": 1,' });
    await user.click(screen.getByRole('button', { name: 'Format JSON' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Cannot format: not valid JSON \(.+\)\. Nothing was changed\./);
    expect(seen).toEqual([]);
  });

  it('multipart: text and file parts; a typed path is checked by main and shown by name and size', async () => {
    const api = fakeApi({ 'files:body-file-facts': ({ path }) => facts(path) });
    const { user, last } = setup({ kind: 'multipart', parts: [] }, api);
    await user.click(screen.getByRole('button', { name: 'Add text part' }));
    await user.type(screen.getByRole('textbox', { name: 'Part 1 name' }), 'merchant');
    await user.type(screen.getByRole('textbox', { name: 'Part 1 value' }), 'M-1');
    await user.click(screen.getByRole('button', { name: 'Add file part' }));
    await user.type(screen.getByRole('textbox', { name: 'Part 2 name' }), 'doc');
    await user.type(screen.getByRole('textbox', { name: 'Part 2 file' }), '/data/a.csv');
    await user.type(screen.getByRole('textbox', { name: 'Part 2 content type' }), 'text/csv');
    expect(last()).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'merchant', value: 'M-1', enabled: true },
        { kind: 'file', name: 'doc', path: '/data/a.csv', enabled: true, contentType: 'text/csv' },
      ],
    });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Part 2 file check' }).textContent).toBe('a.csv, 1.5 KiB: read when the request is sent.'));
    // Browser mode: the path is typed; there is no dialog button.
    expect(screen.queryByRole('button', { name: 'Choose…' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Send part 1' }));
    const after = last();
    expect(after?.kind === 'multipart' ? after.parts[0]?.enabled : null).toBe(false);
  });

  it('a path main cannot send is flagged with its reason', async () => {
    const api = fakeApi({ 'files:body-file-facts': ({ path }) => ({ path, name: 'x.bin', size: null, problem: `${path} cannot be read (no such file).`, access: null, allowFolder: null }) });
    setup({ kind: 'binary', path: '/nope/x.bin', contentType: '' }, api);
    expect((await screen.findByRole('alert')).textContent).toBe('/nope/x.bin cannot be read (no such file).');
  });

  it('the desktop app picks the file with its Open dialog through main', async () => {
    const api = fakeApi({ 'files:choose-body-file': () => ({ path: '/home/u/logo.png' }), 'files:body-file-facts': ({ path }) => facts(path) });
    const { user, last } = setup({ kind: 'binary', path: '', contentType: '' }, { ...api, transport: 'electron' });
    await user.click(screen.getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect(last()).toEqual({ kind: 'binary', path: '/home/u/logo.png', contentType: '' }));
    expect(api.calls.some((call) => call.channel === 'files:choose-body-file')).toBe(true);
  });
});
