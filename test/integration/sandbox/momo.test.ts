import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { useSandbox } from './support/sandbox-fixture.ts';

const { subscriptionKey, apiUser, apiKey } = SANDBOX_CREDENTIALS.momo;
const sandbox = useSandbox({ momo: { settleDelayMs: 20 } });
const url = (path: string) => `${sandbox.current().url}${path}`;

type Json = Record<string, unknown>;
type CallbackHit = { method: string; path: string; headers: IncomingHttpHeaders; body: Json };

// A local listener standing in for the merchant's callback host.
let callbackServer: Server;
let callbackBase = '';
const callbackWaiters = new Map<string, (hit: CallbackHit) => void>();
beforeAll(async () => {
  callbackServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200).end();
      const hit = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json };
      callbackWaiters.get(hit.path)?.(hit);
    });
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  callbackBase = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => callbackServer.close(() => resolve()));
});

function nextCallback(path: string): Promise<CallbackHit> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no callback on ${path}`)), 5000);
    callbackWaiters.set(path, (hit) => {
      clearTimeout(timer);
      resolve(hit);
    });
  });
}

const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

async function token(user = apiUser, key = apiKey): Promise<string> {
  const response = await fetch(url('/collection/token/'), {
    method: 'POST',
    headers: { 'ocp-apim-subscription-key': subscriptionKey, authorization: basic(user, key) },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  expect(body).toMatchObject({ token_type: 'access_token', expires_in: 3600 });
  return body.access_token as string;
}

function payment(partyId = '46733123459'): Json {
  return { amount: '5.00', currency: 'EUR', externalId: 'order-42', payer: { partyIdType: 'MSISDN', partyId }, payerMessage: 'Pay', payeeNote: 'Thanks' };
}

async function requestToPay(accessToken: string, referenceId: string, body: Json, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url('/collection/v1_0/requesttopay'), {
    method: 'POST',
    headers: {
      'ocp-apim-subscription-key': subscriptionKey,
      authorization: `Bearer ${accessToken}`,
      'x-reference-id': referenceId,
      'x-target-environment': 'sandbox',
      'content-type': 'application/json',
      ...extra,
    },
    body: JSON.stringify(body),
  });
}

async function status(accessToken: string, referenceId: string): Promise<Response> {
  return fetch(url(`/collection/v1_0/requesttopay/${referenceId}`), {
    headers: { 'ocp-apim-subscription-key': subscriptionKey, authorization: `Bearer ${accessToken}`, 'x-target-environment': 'sandbox' },
  });
}

async function settled(accessToken: string, referenceId: string): Promise<Json> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const body = (await (await status(accessToken, referenceId)).json()) as Json;
    if (body.status !== 'PENDING') return body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the payment never settled');
}

describe('MoMo sandbox provisioning', () => {
  it('creates an API user, an API key, shows the user and issues a token for it', async () => {
    const userId = randomUUID();
    const created = await fetch(url('/v1_0/apiuser'), {
      method: 'POST',
      headers: { 'x-reference-id': userId, 'ocp-apim-subscription-key': subscriptionKey, 'content-type': 'application/json' },
      body: JSON.stringify({ providerCallbackHost: 'clinic.com' }),
    });
    expect(created.status).toBe(201);

    const keyResponse = await fetch(url(`/v1_0/apiuser/${userId}/apikey`), { method: 'POST', headers: { 'ocp-apim-subscription-key': subscriptionKey } });
    expect(keyResponse.status).toBe(201);
    const { apiKey: newKey } = (await keyResponse.json()) as { apiKey: string };
    expect(newKey).toMatch(/^[0-9a-f]{32}$/);

    const details = await fetch(url(`/v1_0/apiuser/${userId}`), { headers: { 'ocp-apim-subscription-key': subscriptionKey } });
    expect(details.status).toBe(200);
    expect(await details.json()).toEqual({ providerCallbackHost: 'clinic.com', targetEnvironment: 'sandbox' });

    await token(userId, newKey);
  });

  it('refuses a second user with the same reference id (409)', async () => {
    const userId = randomUUID();
    const create = () =>
      fetch(url('/v1_0/apiuser'), {
        method: 'POST',
        headers: { 'x-reference-id': userId, 'ocp-apim-subscription-key': subscriptionKey, 'content-type': 'application/json' },
        body: JSON.stringify({ providerCallbackHost: 'clinic.com' }),
      });
    expect((await create()).status).toBe(201);
    const again = await create();
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).code).toBe('RESOURCE_ALREADY_EXIST');
  });

  it.each([
    ['not a UUID', 'order-1'],
    ['a UUID v1', 'c72025f5-5cd1-1630-99e4-8ba4722fad56'],
  ])('refuses an X-Reference-Id that is %s', async (_label, referenceId) => {
    const response = await fetch(url('/v1_0/apiuser'), {
      method: 'POST',
      headers: { 'x-reference-id': referenceId, 'ocp-apim-subscription-key': subscriptionKey, 'content-type': 'application/json' },
      body: JSON.stringify({ providerCallbackHost: 'clinic.com' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).code).toBe('INVALID_REFERENCE_ID');
  });

  it('refuses calls without a valid subscription key', async () => {
    const missing = await fetch(url(`/v1_0/apiuser/${apiUser}`));
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Json).message).toMatch(/missing subscription key/);
    const wrong = await fetch(url(`/v1_0/apiuser/${apiUser}`), { headers: { 'ocp-apim-subscription-key': 'd484a1f0d34f4301916d0f2c9e9106a2' } });
    expect(wrong.status).toBe(401);
  });

  it('answers 404 for an unknown API user', async () => {
    const response = await fetch(url(`/v1_0/apiuser/${randomUUID()}/apikey`), { method: 'POST', headers: { 'ocp-apim-subscription-key': subscriptionKey } });
    expect(response.status).toBe(404);
  });
});

describe('MoMo collection token', () => {
  it.each([
    ['a wrong API key', basic(apiUser, 'f1db798c98df4bcf83b538175893bbf0')],
    ['an unknown API user', basic(randomUUID(), apiKey)],
    ['no Basic credentials', 'Bearer something'],
  ])('refuses %s', async (_label, authorization) => {
    const response = await fetch(url('/collection/token/'), {
      method: 'POST',
      headers: { 'ocp-apim-subscription-key': subscriptionKey, authorization },
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'login_failed' });
    expect(text).not.toContain(apiKey);
  });
});

describe('MoMo request to pay', () => {
  it('accepts (202), settles SUCCESSFUL, and PUTs the final status to the callback URL', async () => {
    const accessToken = await token();
    const referenceId = randomUUID();
    const callbackPath = `/momo/${referenceId}`;
    const callback = nextCallback(callbackPath);
    const response = await requestToPay(accessToken, referenceId, payment(), { 'x-callback-url': `${callbackBase}${callbackPath}` });
    expect(response.status).toBe(202);

    const hit = await callback;
    expect(hit.method).toBe('PUT');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.body).toMatchObject({ status: 'SUCCESSFUL', externalId: 'order-42', amount: '5.00', currency: 'EUR', payer: { partyIdType: 'MSISDN', partyId: '46733123459' } });
    expect(hit.body.financialTransactionId).toMatch(/^\d+$/);

    expect(await settled(accessToken, referenceId)).toMatchObject({ status: 'SUCCESSFUL' });
  });

  it.each([
    ['46733123450', 'FAILED', 'INTERNAL_PROCESSING_ERROR'],
    ['46733123451', 'REJECTED', 'APPROVAL_REJECTED'],
    ['46733123452', 'TIMEOUT', 'EXPIRED'],
  ])('settles payer %s as %s', async (partyId, final, reason) => {
    const accessToken = await token();
    const referenceId = randomUUID();
    expect((await requestToPay(accessToken, referenceId, payment(partyId))).status).toBe(202);
    expect(await settled(accessToken, referenceId)).toMatchObject({ status: final, reason });
  });

  it('reports PENDING until the payment settles (payer 46733123453 never does)', async () => {
    const accessToken = await token();
    const referenceId = randomUUID();
    expect((await requestToPay(accessToken, referenceId, payment('46733123453'))).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const body = (await (await status(accessToken, referenceId)).json()) as Json;
    expect(body).toMatchObject({ status: 'PENDING', externalId: 'order-42' });
    expect(body.financialTransactionId).toBeUndefined();
  });

  it('refuses a callback URL that is not on loopback, and sends nothing', async () => {
    const accessToken = await token();
    const referenceId = randomUUID();
    const response = await requestToPay(accessToken, referenceId, payment(), { 'x-callback-url': 'http://example.com/cb' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).code).toBe('INVALID_CALLBACK_URL_HOST');
    expect((await status(accessToken, referenceId)).status).toBe(404);
  });

  it('refuses a duplicate reference id (409)', async () => {
    const accessToken = await token();
    const referenceId = randomUUID();
    expect((await requestToPay(accessToken, referenceId, payment())).status).toBe(202);
    expect((await requestToPay(accessToken, referenceId, payment())).status).toBe(409);
  });

  it('refuses a missing or forged bearer token', async () => {
    const response = await requestToPay('momo_forged', randomUUID(), payment());
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).message).toMatch(/unknown/);
  });

  it('refuses a token issued by another gateway of the sandbox', async () => {
    const paynet = await fetch(url('/osp/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SANDBOX_CREDENTIALS.paynet.clientId, client_secret: SANDBOX_CREDENTIALS.paynet.clientSecret }),
    });
    const { access_token: paynetToken } = (await paynet.json()) as { access_token: string };
    expect((await requestToPay(paynetToken, randomUUID(), payment())).status).toBe(401);
  });

  it('refuses a target environment other than sandbox', async () => {
    const accessToken = await token();
    const response = await requestToPay(accessToken, randomUUID(), payment(), { 'x-target-environment': 'mtnuganda' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).code).toBe('INVALID_TARGET_ENVIRONMENT');
  });

  it('refuses a malformed body and explains which field', async () => {
    const accessToken = await token();
    const response = await requestToPay(accessToken, randomUUID(), { ...payment(), amount: 5 });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).message).toContain('amount');
  });
});
