import { describe, expect, it } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import { sendWithTokenRetry, signRequest, type SigningDeps } from '../../../main/signing/sign-request.ts';
import { TokenCache } from '../../../main/signing/token-cache.ts';
import type { TokenFetcher } from '../../../main/signing/token-endpoint.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { countingNonces, fixedClock, get, header } from './helpers.ts';

const T0 = 1_700_000_000_000;

/** A fake token endpoint: counts calls, hands out token-1, token-2, ... and can be slowed down. */
function fakeTokenEndpoint(expiresIn: number | undefined = 3600) {
  const calls: SigningRequest[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const fetcher: TokenFetcher = async (request) => {
    calls.push(request);
    const n = calls.length;
    if (gate !== undefined) await gate;
    return { status: 200, body: JSON.stringify({ access_token: `token-${n}`, token_type: 'bearer', ...(expiresIn === undefined ? {} : { expires_in: expiresIn }) }) };
  };
  return {
    fetcher,
    calls,
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release?.(),
  };
}

function deps(fetcher: TokenFetcher, clock = fixedClock(T0)): SigningDeps & { clock: ReturnType<typeof fixedClock> } {
  return {
    clock,
    nonces: countingNonces(),
    secrets: { get: (_env, name) => (name === 'paynet_secret' ? Promise.resolve('s3cr3t-paynet-client') : Promise.reject(new Error('no such secret'))) },
    tokens: new TokenCache(clock),
    fetchToken: fetcher,
  };
}

const paynetChain: AuthStep[] = [
  {
    type: 'oauth2-client-credentials',
    tokenUrl: 'https://api.reports.uat.inet.paynet.my/token',
    clientId: 'client_123456789',
    clientSecret: '{{secret:paynet_secret}}',
    clientAuth: 'body',
  },
  { type: 'paynet-signature', clientSecret: '{{secret:paynet_secret}}' },
];

const input = { request: get('https://api.reports.uat.inet.paynet.my/reports/v1'), auth: paynetChain, environment: { name: 'uat', variables: {} } };

describe('OAuth 2.0 client credentials and the token cache', () => {
  it('asks for the token as PayNet documents: form body with client id and secret, Accept: application/json', async () => {
    const endpoint = fakeTokenEndpoint();
    const signed = await signRequest(input, deps(endpoint.fetcher));
    const tokenRequest = endpoint.calls[0]!;
    expect(tokenRequest.method).toBe('POST');
    expect(tokenRequest.url).toBe('https://api.reports.uat.inet.paynet.my/token');
    expect(header(tokenRequest, 'Accept')).toBe('application/json');
    expect(tokenRequest.body).toEqual({
      kind: 'form',
      pairs: [
        { name: 'grant_type', value: 'client_credentials' },
        { name: 'client_id', value: 'client_123456789' },
        { name: 'client_secret', value: 's3cr3t-paynet-client' },
      ],
    });
    expect(header(signed.request, 'Authorization')).toBe('Bearer token-1');
    expect(header(signed.request, 'X-Timestamp')).toBe('1700000000');
    expect(header(signed.request, 'X-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends the client as Basic when asked, with scope and extra headers', async () => {
    const endpoint = fakeTokenEndpoint();
    await signRequest(
      {
        ...input,
        auth: [{ ...paynetChain[0]!, clientAuth: 'basic', scope: 'reports.read', extraHeaders: [{ name: 'X-Api-Version', value: '2' }] } as AuthStep],
      },
      deps(endpoint.fetcher),
    );
    const tokenRequest = endpoint.calls[0]!;
    expect(header(tokenRequest, 'Authorization')).toBe(`Basic ${Buffer.from('client_123456789:s3cr3t-paynet-client').toString('base64')}`);
    expect(header(tokenRequest, 'X-Api-Version')).toBe('2');
    expect(tokenRequest.body).toEqual({ kind: 'form', pairs: [{ name: 'grant_type', value: 'client_credentials' }, { name: 'scope', value: 'reports.read' }] });
  });

  it('reuses the token before expiry (minus the margin) and fetches a new one after', async () => {
    const endpoint = fakeTokenEndpoint(3600);
    const d = deps(endpoint.fetcher);
    expect(header((await signRequest(input, d)).request, 'Authorization')).toBe('Bearer token-1');
    d.clock.advance((3600 - 60) * 1000 - 1);
    const reused = await signRequest(input, d);
    expect(header(reused.request, 'Authorization')).toBe('Bearer token-1');
    expect(reused.traces[0]!.steps.find((s) => s.label === 'Token')?.value).toContain('from the in-memory cache');
    expect(endpoint.calls).toHaveLength(1);
    d.clock.advance(1);
    expect(header((await signRequest(input, d)).request, 'Authorization')).toBe('Bearer token-2');
    expect(endpoint.calls).toHaveLength(2);
  });

  it('keeps tokens apart per environment, token URL and client id', async () => {
    const endpoint = fakeTokenEndpoint();
    const d = deps(endpoint.fetcher);
    await signRequest(input, d);
    await signRequest({ ...input, environment: { name: 'prod', variables: {} } }, d);
    await signRequest({ ...input, auth: [{ ...paynetChain[0]!, clientId: 'other-client' } as AuthStep] }, d);
    await signRequest(input, d);
    expect(endpoint.calls).toHaveLength(3);
  });

  it('ten concurrent sends share one token fetch', async () => {
    const endpoint = fakeTokenEndpoint();
    endpoint.hold();
    const d = deps(endpoint.fetcher);
    const sends = Array.from({ length: 10 }, () => signRequest(input, d));
    await new Promise((resolve) => setTimeout(resolve, 5));
    endpoint.release();
    const results = await Promise.all(sends);
    expect(endpoint.calls).toHaveLength(1);
    expect(new Set(results.map((r) => header(r.request, 'Authorization')))).toEqual(new Set(['Bearer token-1']));
  });

  it('a failed token fetch is not cached: the next send tries again', async () => {
    let fail = true;
    const calls: string[] = [];
    const fetcher: TokenFetcher = (request) => {
      calls.push(request.url);
      return Promise.resolve(fail ? { status: 500, body: 'down' } : { status: 200, body: '{"access_token":"ok","expires_in":60}' });
    };
    const d = deps(fetcher);
    await expect(signRequest(input, d)).rejects.toThrow(/answered 500/);
    fail = false;
    expect(header((await signRequest(input, d)).request, 'Authorization')).toBe('Bearer ok');
    expect(calls).toHaveLength(2);
  });

  it('a 401 from the API drops the token and retries once with a fresh one', async () => {
    const endpoint = fakeTokenEndpoint();
    const d = deps(endpoint.fetcher);
    const seen: (string | undefined)[] = [];
    const outcome = await sendWithTokenRetry(input, d, (signed) => {
      seen.push(header(signed.request, 'Authorization'));
      return Promise.resolve({ status: seen.length === 1 ? 401 : 200 });
    });
    expect(outcome.retried).toBe(true);
    expect(outcome.response.status).toBe(200);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('retries only once: a second 401 is returned to the caller', async () => {
    const endpoint = fakeTokenEndpoint();
    const d = deps(endpoint.fetcher);
    let sends = 0;
    const outcome = await sendWithTokenRetry(input, d, () => {
      sends++;
      return Promise.resolve({ status: 401 });
    });
    expect(sends).toBe(2);
    expect(outcome.response.status).toBe(401);
    expect(endpoint.calls).toHaveLength(2);
  });

  it('does not retry a 401 when no token was involved', async () => {
    const d = deps(fakeTokenEndpoint().fetcher);
    let sends = 0;
    const outcome = await sendWithTokenRetry(
      { ...input, auth: [{ type: 'api-key', in: 'header', name: 'X-Key', value: 'k' }] },
      d,
      () => {
        sends++;
        return Promise.resolve({ status: 401 });
      },
    );
    expect(sends).toBe(1);
    expect(outcome.retried).toBe(false);
  });

  it('dropping an old token does not throw away a newer one', async () => {
    const endpoint = fakeTokenEndpoint();
    const d = deps(endpoint.fetcher);
    const first = await signRequest(input, d);
    d.tokens.drop(first.tokensUsed[0]!.key, 'some-older-token');
    expect(header((await signRequest(input, d)).request, 'Authorization')).toBe('Bearer token-1');
    expect(endpoint.calls).toHaveLength(1);
  });
});

describe('MTN MoMo', () => {
  const momo: AuthStep = {
    type: 'momo',
    subscriptionKey: 'd484a1f0d34f4301916d0f2c9e9106a2',
    apiUser: 'c72025f5-5cd1-4630-99e4-8ba4722fad56',
    apiKey: 'f1db798c98df4bcf83b538175893bbf0',
    targetEnvironment: 'sandbox',
    tokenPath: '/collection/token/',
    useToken: true,
    referenceId: true,
  };
  const request = { ...get('https://sandbox.momodeveloper.mtn.com/collection/v1_0/requesttopay'), method: 'POST' };

  it('gets a token with Basic base64(apiUser:apiKey) from the collection token path, then sends the MoMo headers', async () => {
    const endpoint = fakeTokenEndpoint();
    const signed = await signRequest({ request, auth: [momo], environment: { name: 'sandbox', variables: {} } }, deps(endpoint.fetcher));
    const tokenRequest = endpoint.calls[0]!;
    expect(tokenRequest.method).toBe('POST');
    expect(tokenRequest.url).toBe('https://sandbox.momodeveloper.mtn.com/collection/token/');
    expect(header(tokenRequest, 'Authorization')).toBe(
      `Basic ${Buffer.from('c72025f5-5cd1-4630-99e4-8ba4722fad56:f1db798c98df4bcf83b538175893bbf0').toString('base64')}`,
    );
    expect(header(tokenRequest, 'Ocp-Apim-Subscription-Key')).toBe('d484a1f0d34f4301916d0f2c9e9106a2');
    expect(header(signed.request, 'Authorization')).toBe('Bearer token-1');
    expect(header(signed.request, 'Ocp-Apim-Subscription-Key')).toBe('d484a1f0d34f4301916d0f2c9e9106a2');
    expect(header(signed.request, 'X-Target-Environment')).toBe('sandbox');
    expect(header(signed.request, 'X-Reference-Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a fresh X-Reference-Id per send; provisioning calls can skip the token', async () => {
    const endpoint = fakeTokenEndpoint();
    const d = deps(endpoint.fetcher);
    const env = { name: 'sandbox', variables: {} };
    const provisioning = { ...momo, useToken: false } as AuthStep;
    const a = await signRequest({ request, auth: [provisioning], environment: env }, d);
    const b = await signRequest({ request, auth: [provisioning], environment: env }, d);
    expect(header(a.request, 'X-Reference-Id')).not.toBe(header(b.request, 'X-Reference-Id'));
    expect(header(a.request, 'Authorization')).toBeUndefined();
    expect(endpoint.calls).toHaveLength(0);
  });

  it('uses a configured token path against a configured base URL', async () => {
    const endpoint = fakeTokenEndpoint();
    await signRequest(
      { request, auth: [{ ...momo, tokenPath: '/disbursement/token/', baseUrl: 'https://proxy.example:8443' }], environment: { name: 'sandbox', variables: {} } },
      deps(endpoint.fetcher),
    );
    expect(endpoint.calls[0]!.url).toBe('https://proxy.example:8443/disbursement/token/');
  });
});
