import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { filterJson } from '../../../renderer/src/pages/workbench/response/json-filter.ts';
import { ResponseBody } from '../../../renderer/src/pages/workbench/ResponseBody.tsx';
import { sendResult } from './response-fixture.ts';

const BODY = JSON.stringify({ orders: [{ id: 'ord-1', status: 'PAID', amount: 10 }, { id: 'ord-2', status: 'FAILED', amount: 25 }, { id: 'ord-3', status: 'PAID', amount: 7 }], next: null });

function renderBody(data = BODY) {
  const result = sendResult({ encoding: 'utf8', data, truncated: false });
  if (!result.outcome.ok) throw new Error('fixture');
  return render(<ResponseBody response={result.outcome.response} />);
}

const count = () => screen.getByTestId('search-count').textContent;
const body = () => screen.getByRole('region', { name: 'Body preview' });

describe('find in the response (Ctrl+F)', () => {
  it('Ctrl+F in the response opens find; it counts matches, steps with Enter and Shift+Enter, Esc closes', async () => {
    const user = userEvent.setup();
    renderBody();
    body().focus();
    await user.keyboard('{Control>}f{/Control}');
    const input = screen.getByRole('searchbox', { name: 'Find in response' });
    expect(document.activeElement).toBe(input);
    await user.type(input, 'paid');
    expect(count()).toBe('1 of 2');
    await user.keyboard('{Enter}');
    expect(count()).toBe('2 of 2');
    await user.keyboard('{Enter}');
    expect(count()).toBe('1 of 2');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(count()).toBe('2 of 2');
    await user.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(count()).toBe('1 of 2');
    await user.clear(input);
    await user.type(input, 'nothing-like-this');
    expect(count()).toBe('No matches');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('search')).toBeNull();
    expect(document.activeElement).toBe(body());
  });

  it('a match inside a folded JSON node opens it', async () => {
    const user = userEvent.setup();
    renderBody();
    const folded = within(body()).getAllByText((_, element) => element?.tagName === 'SUMMARY' && (element.textContent ?? '').includes('3 items'))[0]?.closest('details');
    if (!folded) throw new Error('no orders node');
    folded.open = false;
    await user.click(screen.getByRole('button', { name: 'Find' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find in response' }), 'ord-3');
    expect(count()).toBe('1 of 1');
    expect(folded.open).toBe(true);
  });

  it('finds again when the view changes under it', async () => {
    const user = userEvent.setup();
    renderBody();
    await user.click(screen.getByRole('button', { name: 'Find' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find in response' }), '"status"');
    // The tree shows keys with their quotes: three "status" keys.
    expect(count()).toBe('1 of 3');
    await user.click(screen.getByRole('radio', { name: 'Raw' }));
    await waitFor(() => expect(count()).toBe('1 of 3'));
    fireEvent.change(screen.getByRole('textbox', { name: 'JSONPath filter' }), { target: { value: '$.orders[0]' } });
    await waitFor(() => expect(count()).toBe('1 of 1'));
  });
});

describe('JSONPath filter', () => {
  it('shows only what the path selects, with a count, in Pretty and Raw', async () => {
    const user = userEvent.setup();
    renderBody();
    await user.click(screen.getByRole('textbox', { name: 'JSONPath filter' }));
    await user.paste("$.orders[?(@.status=='PAID')].id");
    expect(screen.getByTestId('jsonpath-count').textContent).toBe("2 matches for $.orders[?(@.status=='PAID')].id");
    expect(body().textContent).toContain('"ord-1"');
    expect(body().textContent).toContain('"ord-3"');
    expect(body().textContent).not.toContain('ord-2');
    await user.click(screen.getByRole('radio', { name: 'Raw' }));
    expect(body().textContent).toBe('[\n  "ord-1",\n  "ord-3"\n]');
    await user.clear(screen.getByRole('textbox', { name: 'JSONPath filter' }));
    expect(body().textContent).toBe(BODY);
  });

  it('a bad path gives a clear error inline and leaves the body as it was', async () => {
    const user = userEvent.setup();
    renderBody();
    const input = screen.getByRole('textbox', { name: 'JSONPath filter' });
    await user.click(input);
    await user.paste('$.orders[0');
    expect(screen.getByTestId('jsonpath-error').textContent).toBe('The [ at character 9 is not closed.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(body().textContent).toContain('ord-2');
  });

  it('names the mistake for paths jsonpath-plus would quietly misread', () => {
    const json = { a: [1, 2] };
    expect(filterJson(json, 'a.b')).toEqual({ error: 'A JSONPath starts with $, e.g. $.data[0].id or $..amount.' });
    expect(filterJson(json, "$['a]")).toEqual({ error: 'The quote at character 3 is not closed.' });
    expect(filterJson(json, '$.a)')).toEqual({ error: 'Unexpected ) at character 4.' });
    expect(filterJson(json, '$.a.')).toEqual({ error: 'A JSONPath cannot end with ".": name a key after it.' });
    const broken = filterJson(json, '$.a[?(@>)]');
    expect('error' in broken && broken.error.startsWith('This JSONPath cannot be run: ')).toBe(true);
    expect(filterJson(json, '$.a[1]')).toEqual({ matches: [2] });
    expect(filterJson('text', '$')).toEqual({ matches: ['text'] });
  });

  it('has no filter for a body that is not JSON', () => {
    renderBody('<html>not json</html>');
    expect(screen.queryByRole('textbox', { name: 'JSONPath filter' })).toBeNull();
  });
});
