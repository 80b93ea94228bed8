import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HeadersTable } from '../../../renderer/src/components/HeadersTable.tsx';

describe('HeadersTable', () => {
  it('shows repeated headers in the order received, values as text', () => {
    const headers = [
      ['Set-Cookie', 'a=1'],
      ['Content-Type', 'text/html'],
      ['Set-Cookie', '<b>b=2</b>'],
    ] as const;
    render(<HeadersTable headers={headers} caption="Response headers" />);
    const rows = within(screen.getByRole('table', { name: 'Response headers' })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual(['Set-Cookiea=1', 'Content-Typetext/html', 'Set-Cookie<b>b=2</b>']);
  });
});
