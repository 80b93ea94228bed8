import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactionHarness, leaks, type Harness } from './harness.ts';

// Findings of issue #15 that must stay fixed: each failed on the code before the one redactor.
const API_KEY = 'ak_live_7Qx+9/zR=aa&bb';

describe('issue #15: secrets that reached the renderer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await redactionHarness();
    await h.setSecret('api_key', API_KEY);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a secret in a redirected URL does not come back in response.redirects', async () => {
    h.shape({ url: '{{base}}/redirect/start', params: [{ name: 'key', value: '{{secret:api_key}}', enabled: true }] });
    const result = await h.call<{ outcome: { ok: boolean; response?: { status: number; redirects: { from: string; location: string }[] } } }>('requests:send', h.ids);
    expect(result.outcome.ok).toBe(true);
    const response = result.outcome.response!;
    expect(response.status).toBe(200);
    expect(response.redirects).toHaveLength(1);
    expect(response.redirects[0]!.from).toContain('[redacted]');
    expect(response.redirects[0]!.location).toContain('[redacted]');
    expect(leaks(JSON.stringify(result), [API_KEY])).toEqual([]);
    // The service's own answer (what the CLI prints) is clean too, before any door.
    const direct = await h.backend.requests.send(h.ids);
    expect(leaks(JSON.stringify(direct), [API_KEY])).toEqual([]);
    expect(leaks(JSON.stringify(await h.call('history:list', {})), [API_KEY])).toEqual([]);
  });

  it('a request carrying a secret sent to the callback inbox does not come back from inbox:entries or its events', async () => {
    const status = await h.call<{ url: string }>('inbox:start', { host: '127.0.0.1', port: 0 });
    // Host binding would refuse it otherwise: the user allowed it, and the inbox must still not show the key.
    await h.allowHost(['api_key'], status.url);
    h.shape({
      method: 'POST',
      url: `${status.url}/callback/{{secret:api_key}}`,
      params: [{ name: 'key', value: '{{secret:api_key}}', enabled: true }],
      headers: [{ name: 'X-Api-Key', value: '{{secret:api_key}}', enabled: true }],
      body: { kind: 'json', text: '{"apiKey":"{{secret:api_key}}"}' },
    });
    const sent = await h.call<{ outcome: { ok: boolean } }>('requests:send', h.ids);
    expect(sent.outcome.ok).toBe(true);
    const entries = await h.call<{ path: string; body: string; headers: [string, string][] }[]>('inbox:entries', {});
    expect(entries).toHaveLength(1);
    expect(entries[0]!.path).toContain('[redacted]');
    expect(entries[0]!.body).toBe('{"apiKey":"[redacted]"}');
    expect(leaks(JSON.stringify(entries), [API_KEY])).toEqual([]);
    expect(leaks(JSON.stringify(h.backend.inbox.entries()), [API_KEY])).toEqual([]);
    expect(h.events.some((event) => event.startsWith('inbox:received'))).toBe(true);
    expect(leaks(h.events.join('\n'), [API_KEY])).toEqual([]);
  });

  // Checked right after lock() returns: the ledger used to be cleared only after a status read that followed it.
  it('forgets the ledger when the vault locks (the send redactor still covers each send)', async () => {
    await h.call('vault:lock', {});
    // Nothing the ledger knew is kept in memory once the vault is locked.
    expect(h.backend.inbox.entries()[0]?.body).toBe(`{"apiKey":"${API_KEY}"}`);
    await h.call('vault:unlock', { passphrase: h.passphrase });
  });
});
