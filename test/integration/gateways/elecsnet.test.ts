import { describe, expect, it } from 'vitest';
import type { AuthStepInput as AuthStep } from '../../../main/contract/auth.ts';
import { readSandboxMerchantPrivateKey, SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { bodyText, gatewayHarness, status } from './support.ts';

const { login, controlKey } = SANDBOX_CREDENTIALS.elecsnet;

const form = {
  kind: 'form' as const,
  pairs: [
    { name: 'client_orderid', value: 'order 42/ü' },
    { name: 'amount', value: '100.00' },
    { name: 'currency', value: 'USD' },
    { name: 'order_desc', value: "Tom's ~*!() test" },
  ],
};

describe('Elecsnet OAuth 1.0a over a form body, through signer, executor and sandbox', () => {
  const gateway = gatewayHarness({ control_key: controlKey, merchant_key: readSandboxMerchantPrivateKey() });
  const base = { type: 'oauth1' as const, consumerKey: login, realm: '', oauthParamsInBody: true, includeVersion: true };

  it.each<[string, AuthStep]>([
    ['HMAC-SHA1', { ...base, signatureMethod: 'HMAC-SHA1', consumerSecret: '{{secret:control_key}}' }],
    ['RSA-SHA256', { ...base, signatureMethod: 'RSA-SHA256', privateKey: '{{secret:merchant_key}}' }],
  ])('is accepted when signed with %s', async (_method, auth) => {
    const result = await gateway.send({ method: 'POST', url: '{{baseUrl}}/paynet/api/v2/transfer/1001', headers: [], body: form }, [auth]);
    expect(status(result), bodyText(result)).toBe(200);
    expect(bodyText(result)).toContain('type=async-response');
    expect(bodyText(result)).toContain('merchant-order-id=order');
    const trace = JSON.stringify(result.traces);
    expect(trace).not.toContain(controlKey);
    expect(trace).not.toContain('PRIVATE KEY');
  });

  it('is refused with a wrong control key, and the sandbox shows the base string it expected', async () => {
    const result = await gateway.send({ method: 'POST', url: '{{baseUrl}}/paynet/api/v2/transfer/1001', headers: [], body: form }, [
      { ...base, signatureMethod: 'HMAC-SHA1', consumerSecret: 'WRONG-KEY' },
    ]);
    expect(status(result)).toBe(403);
    expect(bodyText(result)).toContain('sandbox-signature-base-string=POST&');
  });
});
