import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStepInput as AuthStep } from '../../../main/contract/auth.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { bodyText, gatewayHarness, status } from './support.ts';

const { subscriptionKey } = SANDBOX_CREDENTIALS.momo;

describe('MTN MoMo through signer, executor and sandbox', () => {
  const vault: Record<string, string> = { subscription_key: subscriptionKey };
  const gateway = gatewayHarness(vault);
  const provisioning: AuthStep = { type: 'momo', subscriptionKey: '{{secret:subscription_key}}', apiUser: '', apiKey: '', useToken: false, referenceId: true };

  let callbacks: { path: string; body: string }[] = [];
  let listener: Server;
  let callbackUrl = '';
  beforeAll(async () => {
    listener = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        callbacks.push({ path: req.url ?? '', body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    callbackUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/momo-callback`;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('provisions an API user and key, takes a token with Basic and is paid through a callback', async () => {
    const user = await gateway.send(
      { method: 'POST', url: '{{baseUrl}}/v1_0/apiuser', headers: [], body: { kind: 'json', text: '{"providerCallbackHost":"127.0.0.1"}' } },
      [provisioning],
    );
    expect(status(user), bodyText(user)).toBe(201);
    const apiUser = user.signed.request.headers.find((header) => header.name === 'X-Reference-Id')!.value;
    expect(apiUser).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const key = await gateway.send({ method: 'POST', url: `{{baseUrl}}/v1_0/apiuser/${apiUser}/apikey`, headers: [], body: { kind: 'none' } }, [
      { ...provisioning, referenceId: false },
    ]);
    expect(status(key)).toBe(201);
    vault.api_key = (JSON.parse(bodyText(key)) as { apiKey: string }).apiKey;

    const collection: AuthStep = {
      type: 'momo',
      subscriptionKey: '{{secret:subscription_key}}',
      apiUser,
      apiKey: '{{secret:api_key}}',
      targetEnvironment: 'sandbox',
      baseUrl: '{{baseUrl}}',
      referenceId: true,
    };
    callbacks = [];
    const pay = await gateway.send(
      {
        method: 'POST',
        url: '{{baseUrl}}/collection/v1_0/requesttopay',
        headers: [{ name: 'X-Callback-Url', value: callbackUrl }],
        body: { kind: 'json', text: JSON.stringify({ amount: '5.00', currency: 'EUR', externalId: 'ext-1', payer: { partyIdType: 'MSISDN', partyId: '46733123454' } }) },
      },
      [collection],
    );
    expect(status(pay), bodyText(pay)).toBe(202);
    expect(JSON.stringify(pay.traces)).not.toContain(vault.api_key);
    const referenceId = pay.signed.request.headers.find((header) => header.name === 'X-Reference-Id')!.value;

    const deadline = Date.now() + 10_000;
    while (callbacks.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(callbacks).toHaveLength(1);
    expect(JSON.parse(callbacks[0]!.body)).toMatchObject({ status: 'SUCCESSFUL' });

    const check = await gateway.send({ method: 'GET', url: `{{baseUrl}}/collection/v1_0/requesttopay/${referenceId}`, headers: [], body: { kind: 'none' } }, [
      { ...collection, referenceId: false },
    ]);
    expect(JSON.parse(bodyText(check))).toMatchObject({ status: 'SUCCESSFUL' });
  });

  it('names the missing secret instead of sending an empty key', async () => {
    await expect(
      gateway.send({ method: 'GET', url: '{{baseUrl}}/v1_0/apiuser/x', headers: [], body: { kind: 'none' } }, [
        { ...provisioning, subscriptionKey: '{{secret:no_such_secret}}' },
      ]),
    ).rejects.toThrow(/no_such_secret/);
  });
});
