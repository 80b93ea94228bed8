import { describe, expect, it } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import { UnknownVariableError } from '../../../main/signing/errors.ts';
import { signRequest, type SigningDeps } from '../../../main/signing/sign-request.ts';
import { TokenCache } from '../../../main/signing/token-cache.ts';
import type { TokenFetcher } from '../../../main/signing/token-endpoint.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { countingNonces, fixedClock, get, header } from './helpers.ts';

const T0 = 1_700_000_000_000;

/** A vault holding only the named secrets, and a token endpoint that records where it was called. */
function setup(vault: Record<string, string>) {
  const tokenCalls: SigningRequest[] = [];
  const fetcher: TokenFetcher = (request) => {
    tokenCalls.push(request);
    return Promise.resolve({ status: 200, body: JSON.stringify({ access_token: 'tok-1', token_type: 'bearer', expires_in: 3600 }) });
  };
  const clock = fixedClock(T0);
  const deps: SigningDeps = {
    clock,
    nonces: countingNonces(),
    secrets: { get: (_env, name) => (Object.hasOwn(vault, name) ? Promise.resolve(vault[name] ?? '') : Promise.reject(new Error('no such secret'))) },
    tokens: new TokenCache(clock),
    fetchToken: fetcher,
  };
  return { deps, tokenCalls };
}

const momo = (fields: Partial<Extract<AuthStep, { type: 'momo' }>>): AuthStep => ({
  type: 'momo',
  subscriptionKey: '{{secret:momo.subscription_key}}',
  apiUser: '{{apiUser}}',
  apiKey: '{{secret:momo.api_key}}',
  targetEnvironment: '{{targetEnvironment}}',
  tokenPath: '/collection/token/',
  baseUrl: '{{baseUrl}}',
  useToken: true,
  referenceId: false,
  ...fields,
});

const uat = (variables: Record<string, string>) => ({ name: 'UAT', variables });

describe('an auth step resolves only the fields it uses', () => {
  it('MoMo provisioning on a day-one vault (subscription key only, no API user yet) signs', async () => {
    const { deps, tokenCalls } = setup({ 'momo.subscription_key': 'sub-key-123456' });
    const signed = await signRequest(
      {
        request: { ...get('https://sandbox.momodeveloper.mtn.com/v1_0/apiuser'), method: 'POST' },
        auth: [momo({ useToken: false, referenceId: true })],
        environment: uat({ baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox' }),
      },
      deps,
    );
    expect(header(signed.request, 'Ocp-Apim-Subscription-Key')).toBe('sub-key-123456');
    expect(header(signed.request, 'X-Reference-Id')).toMatch(/^00000000-0000-4000-8000-/);
    expect(header(signed.request, 'Authorization')).toBeUndefined();
    expect(tokenCalls).toHaveLength(0);
  });

  it('a MoMo token step without the API key names the step, the secret, the environment and why', async () => {
    const { deps } = setup({ 'momo.subscription_key': 'sub-key-123456' });
    const run = signRequest(
      { request: get('https://h/momo/collection/v1_0/requesttopay/x'), auth: [momo({})], environment: uat({ baseUrl: 'https://h/momo', apiUser: 'u-1', targetEnvironment: 'sandbox' }) },
      deps,
    );
    await expect(run).rejects.toBeInstanceOf(UnknownVariableError);
    await expect(run).rejects.toThrow("Step 'MoMo (token)' needs momo.api_key in UAT to request an access token");
  });

  it('a missing variable is named with its step and reason', async () => {
    const { deps } = setup({ 'momo.subscription_key': 'k', 'momo.api_key': 'a' });
    const run = signRequest({ request: get('https://h/x'), auth: [momo({})], environment: uat({ baseUrl: 'https://h', targetEnvironment: 's' }) }, deps);
    await expect(run).rejects.toThrow("Step 'MoMo (token)' needs the variable {{apiUser}} in UAT to request an access token");
  });

  it('OAuth 1.0a RSA needs no consumer secret; HMAC needs no private key', async () => {
    const { deps } = setup({});
    const hmac: AuthStep = {
      type: 'oauth1',
      signatureMethod: 'HMAC-SHA1',
      consumerKey: 'ck',
      consumerSecret: 'control-key-value',
      privateKey: '{{secret:elecsnet.merchant_private_key}}',
      includeVersion: true,
      oauthParamsInBody: false,
    };
    const signed = await signRequest({ request: get('https://h/paynet/api/v2/sale-form/1'), auth: [hmac], environment: uat({}) }, deps);
    expect(header(signed.request, 'Authorization')).toMatch(/^OAuth /);
    const rsa: AuthStep = { ...hmac, signatureMethod: 'RSA-SHA256', consumerSecret: '{{secret:elecsnet.control_key}}' };
    await expect(signRequest({ request: get('https://h/x'), auth: [rsa], environment: uat({}) }, deps)).rejects.toThrow(
      "Step 'OAuth 1.0a (RSA-SHA256)' needs elecsnet.merchant_private_key in UAT to compute the RSA-SHA256 signature",
    );
  });

  it('every other scheme still asks for what it uses', async () => {
    const { deps } = setup({});
    const steps: [AuthStep, RegExp][] = [
      [{ type: 'paynet-signature', clientSecret: '{{secret:p}}' }, /Step 'PayNet X-Signature' needs p in UAT to compute X-Signature/],
      [{ type: 'bearer', token: '{{secret:b}}' }, /Step 'Bearer' needs b in UAT/],
      [{ type: 'basic', username: 'u', password: '{{secret:pw}}' }, /Step 'Basic' needs pw in UAT/],
      [{ type: 'api-key', in: 'header', name: 'X-Key', value: '{{secret:k}}' }, /Step 'API key \(header\)' needs k in UAT/],
      [
        { type: 'hmac-fields', key: '{{secret:c}}', algorithm: 'sha256', encoding: 'hex', parts: [], output: { in: 'header', name: 'X-H' } },
        /Step 'HMAC over fields' needs c in UAT to compute the HMAC/,
      ],
      [
        { type: 'oauth2-client-credentials', tokenUrl: 'https://h/token', clientId: 'c', clientSecret: '{{secret:s}}', clientAuth: 'body' },
        /Step 'OAuth 2.0 client credentials' needs s in UAT to request an access token/,
      ],
    ];
    for (const [step, message] of steps) {
      await expect(signRequest({ request: get('https://h/x'), auth: [step], environment: uat({}) }, deps)).rejects.toThrow(message);
    }
  });
});

describe('derived URLs keep the base URL path', () => {
  const vault = { 'momo.subscription_key': 'sub-key-123456', 'momo.api_key': 'api-key-abcdef', 'paynet.client_secret': 'paynet-secret-xyz' };

  for (const baseUrl of ['https://host/momo', 'https://host/momo/', 'https://host/osp/v2', 'https://host/osp/v2/']) {
    it(`MoMo token with baseUrl ${baseUrl}`, async () => {
      const { deps, tokenCalls } = setup(vault);
      const prefix = baseUrl.replace(/\/$/, '');
      const signed = await signRequest(
        { request: get(`${prefix}/collection/v1_0/requesttopay/r`), auth: [momo({})], environment: uat({ baseUrl, apiUser: 'u-1', targetEnvironment: 'sandbox' }) },
        deps,
      );
      expect(tokenCalls.map((c) => c.url)).toEqual([`${prefix}/collection/token/`]);
      expect(signed.traces[0]?.steps.find((s) => s.label === 'Token URL')?.value).toBe(`${prefix}/collection/token/`);
    });
  }

  it('MoMo without baseUrl uses the request origin; an absolute tokenPath is used as is', async () => {
    const a = setup(vault);
    await signRequest({ request: get('https://host/collection/v1_0/x'), auth: [momo({ baseUrl: '' })], environment: uat({ apiUser: 'u', targetEnvironment: 's' }) }, a.deps);
    expect(a.tokenCalls[0]?.url).toBe('https://host/collection/token/');
    const b = setup(vault);
    await signRequest(
      { request: get('https://host/momo/x'), auth: [momo({ tokenPath: 'https://auth.host/t/token' })], environment: uat({ baseUrl: 'https://host/momo', apiUser: 'u', targetEnvironment: 's' }) },
      b.deps,
    );
    expect(b.tokenCalls[0]?.url).toBe('https://auth.host/t/token');
  });

  it('OAuth 2.0 (PayNet) token URL under a prefix is used as written; a relative one is refused by name', async () => {
    const chain = (tokenUrl: string): AuthStep[] => [
      { type: 'oauth2-client-credentials', tokenUrl, clientId: 'client_1', clientSecret: '{{secret:paynet.client_secret}}', clientAuth: 'body' },
      { type: 'paynet-signature', clientSecret: '{{secret:paynet.client_secret}}' },
    ];
    const { deps, tokenCalls } = setup(vault);
    await signRequest({ request: get('https://host/osp/v2/api/v1/reports'), auth: chain('{{baseUrl}}/token'), environment: uat({ baseUrl: 'https://host/osp/v2' }) }, deps);
    expect(tokenCalls[0]?.url).toBe('https://host/osp/v2/token');
    await expect(signRequest({ request: get('https://host/osp/v2/x'), auth: chain('/token'), environment: uat({}) }, setup(vault).deps)).rejects.toThrow(
      /The OAuth 2.0 token URL "\/token" is not a full URL/,
    );
  });
});

describe('the request URL is checked before anything is signed or sent', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['api.example.com/v1', {}, /The request URL "api\.example\.com\/v1" has no scheme/],
    ['http://', {}, /has no host after http:\/\//],
    ['https://api.exa mple.com/v1', {}, /has a space in its host/],
    ['https://{{host}}/v1', {}, /The request URL https:\/\/\{\{host\}\}\/v1: Unknown variable \{\{host\}\}/],
    ['{{baseUrl}}/v1', { baseUrl: '' }, /The request URL "\/v1" has no scheme/],
    ['{{baseUrl}}/v1', { baseUrl: 'http://' }, /The request URL "http:\/\/\/v1" has no host after http:\/\//],
  ];
  for (const [url, variables, message] of cases) {
    it(url, async () => {
      const { deps, tokenCalls } = setup({});
      await expect(signRequest({ request: get(url), auth: [], environment: uat(variables) }, deps)).rejects.toThrow(message);
      expect(tokenCalls).toHaveLength(0);
    });
  }
});

describe('a request URL written as {{baseUrl}}/path', () => {
  for (const baseUrl of ['https://host/momo', 'https://host/momo/', 'https://host/momo//']) {
    it(`keeps one slash at the join with baseUrl ${baseUrl}`, async () => {
      const signed = await signRequest({ request: get('{{baseUrl}}/collection/v1_0/x?a=1'), auth: [], environment: uat({ baseUrl }) }, setup({}).deps);
      expect(signed.request.url).toBe('https://host/momo/collection/v1_0/x?a=1');
    });
  }

  it('leaves slashes elsewhere as written', async () => {
    const signed = await signRequest({ request: get('https://host/a//{{p}}/b'), auth: [], environment: uat({ p: 'x/' }) }, setup({}).deps);
    expect(signed.request.url).toBe('https://host/a//x//b');
  });
});
