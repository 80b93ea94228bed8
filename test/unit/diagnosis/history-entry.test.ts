import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../main/contract/exchanges.ts';
import { HistoryEntry } from '../../../main/contract/history.ts';
import { historyEntryOf } from '../../../main/history/history-entry.ts';

const base = {
  id: 'h1',
  at: 1,
  durationMs: 7,
  request: { id: 'r1', name: 'Request a report', method: 'POST' },
  collection: { id: 'c1', name: 'PayNet OSP' },
  environment: { id: 'e1', name: 'UAT', protected: false },
};
const tokenExchange: Exchange = {
  role: 'token',
  label: 'OAuth 2.0 client credentials token',
  request: { method: 'POST', url: 'https://gw.test/token', headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], bodyPreview: 'grant_type=client_credentials&client_secret=[redacted]' },
  sent: true,
  at: 1,
  status: 401,
  headers: [['content-type', 'application/json']],
  bodyPreview: '{"error":"invalid_client"}',
  timing: null,
  durationMs: 3,
  traces: [],
  failure: { category: 'token_refused', cause: 'the token endpoint refused the client credentials: check paynet.client_secret in UAT', detail: null },
};

describe('History entries of sends with exchanges', () => {
  it('a send stopped at its token step shows the token request as what was sent, with its failure', () => {
    const entry = historyEntryOf({ ...base, summary: null, signingError: 'The token endpoint refused…', exchanges: [tokenExchange], failure: tokenExchange.failure });
    expect(entry.summary).toMatchObject({ method: 'POST', url: 'https://gw.test/token', bodyPreview: 'grant_type=client_credentials&client_secret=[redacted]' });
    expect(entry.failure?.category).toBe('token_refused');
    expect(HistoryEntry.safeParse(entry).success).toBe(true);
  });

  it('exchanges that break a limit of the file schema are left out, so the entry itself is never lost', () => {
    const huge = { ...tokenExchange, bodyPreview: 'x'.repeat(5000) };
    const entry = historyEntryOf({ ...base, summary: null, signingError: 'failed', exchanges: [huge], failure: tokenExchange.failure });
    expect(entry.exchanges).toBeUndefined();
    expect(entry.failure?.category).toBe('token_refused');
    expect(HistoryEntry.safeParse(entry).success).toBe(true);
  });
});
