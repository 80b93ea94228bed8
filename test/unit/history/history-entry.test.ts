import { describe, expect, it } from 'vitest';
import { BODY_PREVIEW_CHARS, historyEntryOf, redactedSummary } from '../../../main/history/history-entry.ts';
import { Redactor } from '../../../main/core/redactor.ts';
import { sendRecordBase } from './history-fixture.ts';

const SECRET = 's3cr3t/value+x';
const redactSecret = new Redactor().add(SECRET);
const base = sendRecordBase;

describe('history entries', () => {
  it('redacts secrets by value in the URL, headers and body preview, in their encoded forms too', () => {
    const summary = redactedSummary(
      {
        method: 'POST',
        url: `https://gw.test/pay?key=${encodeURIComponent(SECRET)}`,
        headers: [['Authorization', `Bearer ${SECRET}`]],
        body: `client_secret=${encodeURIComponent(SECRET)}&x=${'y'.repeat(2000)}`,
      },
      redactSecret,
    );
    const text = JSON.stringify(summary);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
    expect(summary.headers).toEqual([{ name: 'Authorization', value: 'Bearer [redacted]' }]);
    expect(summary.bodyPreview.startsWith('client_secret=[redacted]&x=yyy')).toBe(true);
    expect(summary.bodyPreview.length).toBe(BODY_PREVIEW_CHARS + 1);
  });

  it('records a response status and size, a network failure kind, or a signing failure', () => {
    const timing = { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: 3, downloadMs: 1, totalMs: 5 };
    const ok = historyEntryOf({
      ...base,
      summary: null,
      outcome: {
        ok: true,
        response: { url: 'u', status: 201, statusText: 'Created', headers: [], timing, bytes: 99, contentType: null, preview: { encoding: 'utf8', data: '', truncated: false }, saved: null, clockSkew: null, redirects: [], pendingRedirect: null },
      },
    });
    expect(ok).toMatchObject({ status: 201, errorKind: null, durationMs: 5, bytes: 99, environment: { name: 'Production', protected: true } });
    const refused = historyEntryOf({ ...base, summary: null, outcome: { ok: false, error: { kind: 'refused', message: 'Connection refused' }, redirects: [] } });
    expect(refused).toMatchObject({ status: null, errorKind: 'refused', errorMessage: 'Connection refused', durationMs: 7 });
    const signing = historyEntryOf({ ...base, summary: null, signingError: 'No secret "api_key" in Production.' });
    expect(signing).toMatchObject({ status: null, errorKind: 'signing', bytes: 0 });
  });
});
