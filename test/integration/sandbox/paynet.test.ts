import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { hmacSha256Hex } from './support/sign.ts';
import { FIXED_NOW_SECONDS, useSandbox } from './support/sandbox-fixture.ts';

const { clientId, clientSecret } = SANDBOX_CREDENTIALS.paynet;
const sandbox = useSandbox({ paynet: { pollsUntilReady: 2 } });

type Json = Record<string, unknown>;

async function getToken(): Promise<string> {
  const response = await fetch(`${sandbox.current().url}/osp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  expect(body.token_type).toBe('Bearer');
  expect(body.expires_in).toBe(3600);
  expect(typeof body.access_token).toBe('string');
  return body.access_token as string;
}

function signedHeaders(token: string, timestamp = FIXED_NOW_SECONDS, secret = clientSecret): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'x-timestamp': timestamp, 'x-signature': hmacSha256Hex(secret, timestamp) };
}

async function createReport(token: string, sizeBytes: number): Promise<string> {
  const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports`, {
    method: 'POST',
    headers: { ...signedHeaders(token), 'content-type': 'application/json' },
    body: JSON.stringify({ reportType: 'settlement', sizeBytes }),
  });
  expect(response.status).toBe(202);
  const body = (await response.json()) as Json;
  expect(body.status).toBe('PENDING');
  return body.reportId as string;
}

describe('PayNet OSP token endpoint', () => {
  it('issues a bearer token for the sandbox client credentials (form body)', async () => {
    await getToken();
  });

  it.each([
    ['wrong secret', { grant_type: 'client_credentials', client_id: clientId, client_secret: 'nope' }, 401, 'invalid_client'],
    ['unknown client', { grant_type: 'client_credentials', client_id: 'someone', client_secret: clientSecret }, 401, 'invalid_client'],
    ['wrong grant type', { grant_type: 'password', client_id: clientId, client_secret: clientSecret }, 400, 'unsupported_grant_type'],
    ['missing secret', { grant_type: 'client_credentials', client_id: clientId }, 400, 'invalid_request'],
  ])('refuses a token request with a %s', async (_label, form, status, error) => {
    const response = await fetch(`${sandbox.current().url}/osp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    expect(response.status).toBe(status);
    const body = (await response.json()) as Json;
    expect(body.error).toBe(error);
    expect(JSON.stringify(body)).not.toContain(clientSecret);
  });

  it('wants a form body, not JSON', async () => {
    const response = await fetch(`${sandbox.current().url}/osp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    expect(response.status).toBe(415);
  });
});

describe('PayNet OSP signed calls', () => {
  it('runs the whole workflow: create, pending, ready after polls, download of the exact size', async () => {
    const token = await getToken();
    const reportId = await createReport(token, 1_000_000);
    const statusUrl = `${sandbox.current().url}/osp/api/v1/reports/${reportId}`;

    const early = await fetch(`${statusUrl}/download`, { headers: signedHeaders(token) });
    expect(early.status).toBe(409);
    await early.body?.cancel();

    const first = (await (await fetch(statusUrl, { headers: signedHeaders(token) })).json()) as Json;
    expect(first.status).toBe('PENDING');
    const second = (await (await fetch(statusUrl, { headers: signedHeaders(token) })).json()) as Json;
    expect(second.status).toBe('READY');
    expect(second.downloadUrl).toBe(`/osp/api/v1/reports/${reportId}/download`);

    const download = await fetch(`${sandbox.current().url}${second.downloadUrl as string}`, { headers: signedHeaders(token) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(download.headers.get('content-length')).toBe('1000000');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${reportId}.csv"`);
    const text = await download.text();
    expect(Buffer.byteLength(text)).toBe(1_000_000);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines[0]).toBe('row_no,transaction_time,merchant_id,amount_myr,status,reference');
    // Rows are numbered without gaps across the server's internal buffers; the last line only pads.
    const rows = lines.slice(1, -1);
    expect(rows.length).toBeGreaterThan(10_000);
    rows.forEach((row, index) => {
      const number = String(index + 1).padStart(12, '0');
      expect(row).toBe(`${number},2026-01-01T08:00:00Z,OSP-SANDBOX-MERCHANT,100.00,SETTLED,PNREF${number}`);
    });
    expect(lines.at(-1)).toMatch(/^#*$/);
  });

  it.each([0, 1, 30, 64, 65, 200])('produces exactly %i bytes for tiny reports', async (size) => {
    const token = await getToken();
    const reportId = await createReport(token, size);
    const statusUrl = `${sandbox.current().url}/osp/api/v1/reports/${reportId}`;
    for (let poll = 0; poll < 2; poll += 1) await (await fetch(statusUrl, { headers: signedHeaders(token) })).arrayBuffer();
    const download = await fetch(`${statusUrl}/download`, { headers: signedHeaders(token) });
    expect((await download.arrayBuffer()).byteLength).toBe(size);
  });

  it('rejects a call without a token, or with an unknown one', async () => {
    const timestamp = FIXED_NOW_SECONDS;
    const noToken = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-X`, {
      headers: { 'x-timestamp': timestamp, 'x-signature': hmacSha256Hex(clientSecret, timestamp) },
    });
    expect(noToken.status).toBe(401);
    expect(((await noToken.json()) as Json).error).toBe('invalid_token');
    const unknown = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-X`, { headers: signedHeaders('osp_forged') });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('rejects a stale X-Timestamp and says what it saw', async () => {
    const token = await getToken();
    const stale = String(Number(FIXED_NOW_SECONDS) - 301);
    const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-X`, { headers: signedHeaders(token, stale) });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: string; message: string; sandboxDebug: Json };
    expect(body.error).toBe('invalid_timestamp');
    expect(body.sandboxDebug).toMatchObject({ timestampSeen: stale, stale: true, skewSeconds: -301, sandboxTime: Number(FIXED_NOW_SECONDS) });
    expect(body.message).toContain('301 s behind');
  });

  it('accepts a timestamp at the edge of the ±300 s window', async () => {
    const token = await getToken();
    const edge = String(Number(FIXED_NOW_SECONDS) + 300);
    const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-MISSING`, { headers: signedHeaders(token, edge) });
    expect(response.status).toBe(404);
  });

  it('rejects a timestamp in milliseconds', async () => {
    const token = await getToken();
    const millis = `${FIXED_NOW_SECONDS}000`;
    const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-X`, { headers: signedHeaders(token, millis) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).error).toBe('invalid_timestamp');
  });

  it('rejects an X-Signature made with the wrong key, reporting the timestamp it saw', async () => {
    const token = await getToken();
    const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-X`, {
      headers: signedHeaders(token, FIXED_NOW_SECONDS, 'my_secret_key'),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: string; sandboxDebug: Json };
    expect(body.error).toBe('invalid_signature');
    expect(body.sandboxDebug).toMatchObject({ timestampSeen: FIXED_NOW_SECONDS, stringSigned: FIXED_NOW_SECONDS, stale: false });
    expect(JSON.stringify(body)).not.toContain(clientSecret);
  });

  it('rejects a signature over a different timestamp than the one sent', async () => {
    const token = await getToken();
    const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports/RPT-X`, {
      headers: { authorization: `Bearer ${token}`, 'x-timestamp': FIXED_NOW_SECONDS, 'x-signature': hmacSha256Hex(clientSecret, '1700000000') },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).error).toBe('invalid_signature');
  });

  it('rejects a report request with a bad body', async () => {
    const token = await getToken();
    const response = await fetch(`${sandbox.current().url}/osp/api/v1/reports`, {
      method: 'POST',
      headers: { ...signedHeaders(token), 'content-type': 'application/json' },
      body: JSON.stringify({ reportType: 'settlement', sizeBytes: -1 }),
    });
    expect(response.status).toBe(400);
  });
});
