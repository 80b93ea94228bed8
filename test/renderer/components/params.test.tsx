import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyValue } from '../../../main/contract/workspace.ts';
import { toSigningRequest } from '../../../main/workspace/to-signing-request.ts';
import { composedUrl, fromTable, fromUrlText, rowsOf, type QueryParts } from '../../../renderer/src/pages/workbench/params/query-sync.ts';
import { renderEditor, request } from './editor-fixture.tsx';

const sent = (parts: QueryParts) => toSigningRequest(request(parts)).url;
const urlField = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
const cell = (row: number, part: 'name' | 'value') => screen.getByRole<HTMLInputElement>('textbox', { name: `Param ${row} ${part}` });

// Query texts people paste: repeats, empty values with and without "=", templates, percent-encoding, blanks.
const QUERIES = ['a=1&a=2', 'a=&b&c=3', 'q={{term}}&page={{$randomInt}}', 'name=J%C3%BCrgen%20K&plus=a+b&amp=%26', 'a=1&&b=2', 'x={{a&b}}&y=1', 'eq=a=b=c', ''];

describe('URL and Params in step (query-sync)', () => {
  it('a URL typed in keeps its exact text, and the table rows come back to the same text', () => {
    for (const query of QUERIES) {
      const text = `{{baseUrl}}/orders?${query}`;
      const parts = fromUrlText({ url: '{{baseUrl}}/orders', params: [] }, text);
      expect(composedUrl(parts)).toBe(text);
      expect(sent(parts)).toBe(text);
      expect(composedUrl(fromTable(parts, rowsOf(parts)))).toBe(text);
    }
  });

  it('shows the URL main sends for a saved request, whatever mix of URL query and params it has', () => {
    const saved: QueryParts[] = [
      { url: 'https://x.test/a', params: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '', enabled: true }] },
      { url: 'https://x.test/a?k=v', params: [{ name: 'a', value: '1', enabled: true }, { name: 'off', value: '2', enabled: false }, { name: 'c', value: '3', enabled: true }] },
      { url: 'https://x.test/a?', params: [] },
    ];
    for (const parts of saved) expect(composedUrl(parts)).toBe(sent(parts));
  });

  it('an unticked row leaves the URL, keeps its place in the table, and comes back where it was', () => {
    const parts = fromUrlText({ url: 'u', params: [] }, 'u?a=1&b=2&c=3');
    const rows = rowsOf(parts).map((row) => (row.name === 'b' ? { ...row, enabled: false } : row));
    const off = fromTable(parts, rows);
    expect(composedUrl(off)).toBe('u?a=1&c=3');
    expect(sent(off)).toBe('u?a=1&c=3');
    expect(rowsOf(off).map((row) => [row.name, row.enabled])).toEqual([['a', true], ['b', false], ['c', true]]);
    // Typing in the URL keeps the unticked row after the same enabled rows.
    const typed = fromUrlText(off, 'u?a=1&c=30&d=4');
    expect(rowsOf(typed).map((row) => `${row.name}=${row.value}:${String(row.enabled)}`)).toEqual(['a=1:true', 'b=2:false', 'c=30:true', 'd=4:true']);
    const on = fromTable(typed, rowsOf(typed).map((row) => ({ ...row, enabled: true })));
    expect(composedUrl(on)).toBe('u?a=1&b=2&c=30&d=4');
  });

  it('keeps "a=" exact even after an unticked row (the unticked rows then move after the others)', () => {
    const base: QueryParts = { url: 'u', params: [{ name: 'off', value: '1', enabled: false }] };
    const parts = fromUrlText(base, 'u?a=&b');
    expect(composedUrl(parts)).toBe('u?a=&b');
    expect(sent(parts)).toBe('u?a=&b');
    expect(rowsOf(parts).find((row) => row.name === 'off')?.enabled).toBe(false);
  });
});

describe('Params tab of the request editor', () => {
  it('typing a query in the URL fills the table; editing the table rewrites the URL', async () => {
    const user = userEvent.setup();
    const view = renderEditor(request({ url: 'https://x.test/orders' }));
    await user.click(urlField());
    await user.keyboard('?page=2&q=%20{{{{term}}&page=3');
    expect(urlField().value).toBe('https://x.test/orders?page=2&q=%20{{term}}&page=3');
    expect(screen.getByRole('tab', { name: 'Params (3)' })).toBeTruthy();
    expect([cell(1, 'name').value, cell(1, 'value').value, cell(2, 'value').value, cell(3, 'name').value, cell(3, 'value').value]).toEqual(['page', '2', '%20{{term}}', 'page', '3']);

    await user.clear(cell(1, 'value'));
    await user.type(cell(1, 'value'), '7');
    expect(urlField().value).toBe('https://x.test/orders?page=7&q=%20{{term}}&page=3');
    expect(toSigningRequest(view.latest()).url).toBe(urlField().value);
  });

  it('an unticked row is kept in the table and left out of the URL; saved that way', async () => {
    const user = userEvent.setup();
    const view = renderEditor(request({ url: 'https://x.test/o?a=1&b=2' }));
    await user.click(screen.getByRole('checkbox', { name: 'Send Param 1' }));
    expect(urlField().value).toBe('https://x.test/o?b=2');
    expect(cell(1, 'name').value).toBe('a');
    expect(view.latest().params).toEqual<KeyValue[]>([
      { name: 'a', value: '1', enabled: false },
      { name: 'b', value: '2', enabled: true },
    ]);
    expect(toSigningRequest(view.latest()).url).toBe('https://x.test/o?b=2');
  });

  it('what is typed stays in the field while typing ("?" alone, an empty value with "=")', async () => {
    const user = userEvent.setup();
    renderEditor(request({ url: 'https://x.test/o', params: [{ name: 'off', value: 'x', enabled: false }] }));
    fireEvent.change(urlField(), { target: { value: 'https://x.test/o?' } });
    expect(urlField().value).toBe('https://x.test/o?');
    await user.type(urlField(), 'a=');
    expect(urlField().value).toBe('https://x.test/o?a=');
    await user.type(urlField(), '&b=1');
    expect(urlField().value).toBe('https://x.test/o?a=&b=1');
    expect(screen.getByRole('tab', { name: 'Params (3)' })).toBeTruthy();
  });

  it('+ Add makes a blank row that becomes a pair in the URL as it is typed', async () => {
    const user = userEvent.setup();
    renderEditor(request({ url: 'https://x.test/o?a=1' }));
    await user.click(screen.getByRole('button', { name: '+ Add' }));
    await user.type(cell(2, 'name'), 'b');
    await user.type(cell(2, 'value'), '2');
    expect(urlField().value).toBe('https://x.test/o?a=1&b=2');
    await user.click(screen.getByRole('button', { name: 'Remove Param 1' }));
    expect(urlField().value).toBe('https://x.test/o?b=2');
  });
});
