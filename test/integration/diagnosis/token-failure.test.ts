import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import type { SendResult, SignResult } from '../../../main/contract/requests.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { diagnosisBackend, expectNoSecrets } from './harness.ts';

const WRONG_SECRET = 'not-the-paynet-secret-5e1f0a';

describe('a chain that fails at its token step', () => {
  let h: Awaited<ReturnType<typeof diagnosisBackend>>;
  beforeAll(async () => {
    h = await diagnosisBackend();
  });
  afterAll(async () => {
    await h.close();
  });

  it('send answers with the token exchange, its trace and a cause naming the secret, and History keeps the exchange', async () => {
    await h.setSecret('paynet.client_secret', WRONG_SECRET);
    const ids = await h.ids('PayNet OSP/Request a report');
    const result = await h.call<SendResult>('requests:send', ids);
    expect(result.failure).toMatchObject({ category: 'token_refused', cause: 'the token endpoint refused the client credentials: check paynet.client_secret in Sandbox' });
    expect(result.exchanges).toHaveLength(1);
    const token = result.exchanges?.[0];
    expect(token).toMatchObject({ role: 'token', sent: true, status: 401 });
    expect(token?.request?.url).toMatch(/\/osp\/token$/);
    expect(token?.request?.bodyPreview).toContain('client_secret=[redacted]');
    expect(token?.bodyPreview).toMatch(/invalid_client/);
    expect(token?.traces[0]?.steps.map((s) => s.label)).toContain('Cause');
    expect(result.outcome.ok && result.outcome.response.status).toBe(401);
    expect(result.traces.length).toBeGreaterThan(0);
    expectNoSecrets(result, [WRONG_SECRET]);

    const entry = await h.call<HistoryEntry>('history:get', { id: result.historyId });
    expect(entry.failure?.category).toBe('token_refused');
    expect(entry.exchanges?.[0]).toMatchObject({ role: 'token', sent: true, status: 401 });
    // Something was sent: the summary is the token request, not "nothing".
    expect(entry.summary?.url).toMatch(/\/osp\/token$/);
    expect(entry.errorKind).toBe('signing');
    expectNoSecrets(entry, [WRONG_SECRET]);
    // Explaining it says where it stopped instead of comparing a signature that was never made.
    const report = await h.call<{ cause: string; sentence: string }>('diagnosis:explain', { source: { historyId: result.historyId }, expected: {} });
    expect(report).toMatchObject({ cause: 'token_failed', sentence: 'The token endpoint refused the client credentials: check paynet.client_secret in Sandbox; the call was not made, so no signature was computed to compare.' });
  });

  it('sign without sending reports the same token failure and says the token request was sent', async () => {
    await h.setSecret('paynet.client_secret', WRONG_SECRET);
    const ids = await h.ids('PayNet OSP/Request a report');
    const result = await h.call<SignResult>('requests:sign', ids);
    expect(result.failure?.category).toBe('token_refused');
    expect(result.failure?.cause).toContain('paynet.client_secret in Sandbox');
    expect(result.note).toMatch(/token request to .*\/osp\/token was sent/);
    expect(result.exchanges?.[0]).toMatchObject({ role: 'token', sent: true, status: 401 });
    expect(result.request.url).toMatch(/\/osp\/token$/);
    expectNoSecrets(result, [WRONG_SECRET]);
  });

  it('a call that cannot resolve its host is a network failure, after a token that was granted', async () => {
    await h.setSecret('paynet.client_secret', (await import('../../../main/sandbox/credentials.ts')).SANDBOX_CREDENTIALS.paynet.clientSecret);
    const ids = await h.ids('PayNet OSP/Request a report');
    const sent = await h.backend.requests.send({ ...ids, variables: { baseUrl: 'http://countersign-test.invalid' } });
    expect(sent.failure?.category).toBe('network');
    expect(sent.exchanges?.map((e) => [e.role, e.failure?.category ?? null])).toEqual([
      ['token', null],
      ['call', 'network'],
    ]);
    await h.backend.history.flush();
    const entry = h.backend.history.get(sent.historyId ?? '');
    expect(entry.errorKind).toBe('dns');
    expect(entry.failure?.category).toBe('network');
    expect(entry.signatureInputs?.scheme).toBe('PayNet X-Signature');
    expectNoSecrets(entry);
  });

  it('MoMo with a wrong API key: token_refused naming momo.api_key, and the Basic credentials never leave main', async () => {
    const wrongKey = '0123456789abcdef0123456789abcdef';
    await h.setSecret('momo.api_key', wrongKey);
    const ids = await h.ids('MTN MoMo/Request to pay');
    const result = await h.call<SendResult>('requests:send', ids);
    expect(result.failure).toMatchObject({ category: 'token_refused', cause: 'the token endpoint refused the API user and key: check momo.api_key in Sandbox' });
    const basic = Buffer.from(`${SANDBOX_CREDENTIALS.momo.apiUser}:${wrongKey}`).toString('base64');
    const authorization = result.exchanges?.[0]?.request?.headers.find((header) => header.name.toLowerCase() === 'authorization');
    expect(authorization?.value).toBe('Basic [redacted]');
    expect(JSON.stringify(result)).not.toContain(basic.replace(/=+$/, ''));
    const entry = await h.call<HistoryEntry>('history:get', { id: result.historyId });
    expect(JSON.stringify(entry)).not.toContain(basic.replace(/=+$/, ''));
    expectNoSecrets([result, entry], [wrongKey]);
    const report = await h.call<{ cause: string; sentence: string }>('diagnosis:explain', { source: { historyId: result.historyId }, expected: {} });
    expect(report.cause).toBe('token_failed');
    expect(report.sentence).toContain('check momo.api_key in Sandbox');
    // With the right key the send goes through; MoMo signs nothing, and the debugger says so instead of comparing.
    await h.setSecret('momo.api_key', SANDBOX_CREDENTIALS.momo.apiKey);
    const ok = await h.call<SendResult>('requests:send', ids);
    expect(ok.failure ?? null).toBeNull();
    const none = await h.call<{ cause: string }>('diagnosis:explain', { source: { historyId: ok.historyId }, expected: {} });
    expect(none.cause).toBe('no_signature');
  });
});
