import { describe, expect, it } from 'vitest';
import type { HttpOutcome } from '../../../main/contract/http.ts';
import { basicPairForm, encodedForms } from '../../../main/core/redactor.ts';
import { ChainFailure, sendSigned, type Execute } from '../../../main/requests/send-signed.ts';
import { TokenCache, type SignInput } from '../../../main/signing/index.ts';
import { response } from '../flows/fakes.ts';

// A send's traces are redacted once, by the signer; the exchanges reuse them
// instead of walking them again. These tests try to get a secret out through
// every part of a send's record anyway.

const NOW = Date.UTC(2026, 11, 3, 12, 0);
const VAULT = { 'paynet.client_secret': 'client-secret-Zq9+/=&ü', 'paynet.client_id': 'merchant-client-77' };
const TOKENS = ['access-token-first-0123456789', 'access-token-second-0123456789'];

/** Every form each secret can take in output: the vault values, the Basic pair, each token issued. */
function forbidden(): string[] {
  const values = [...Object.values(VAULT), ...TOKENS, basicPairForm(VAULT['paynet.client_id'], VAULT['paynet.client_secret'])];
  return values.flatMap((value) => encodedForms(value));
}

function leaks(record: unknown): string[] {
  const text = JSON.stringify(record);
  return forbidden().filter((form) => text.includes(form));
}

const input: SignInput = {
  request: { method: 'GET', url: 'https://api.gateway.test/reports?date={{date}}', headers: [], body: { kind: 'none' } },
  auth: [
    { type: 'oauth2-client-credentials', tokenUrl: 'https://auth.gateway.test/token', clientId: '{{secret:paynet.client_id}}', clientSecret: '{{secret:paynet.client_secret}}', clientAuth: 'basic' },
    { type: 'paynet-signature', clientSecret: '{{secret:paynet.client_secret}}' },
  ],
  environment: { name: 'UAT', variables: { date: '2026-12-03' } },
};

/** A gateway that echoes everything it was sent (headers and all) back in its answer, the way a debugging endpoint would. */
function echoingGateway(apiStatuses: number[], tokenStatus = 200) {
  let issued = 0;
  const execute: Execute = (wire) => {
    const echo = JSON.stringify({ headers: wire.headers, body: typeof wire.body === 'string' ? wire.body : null });
    if (wire.url.startsWith('https://auth.gateway.test/')) {
      const token = TOKENS[issued++] ?? 'exhausted';
      const body = tokenStatus === 200 ? JSON.stringify({ access_token: token, expires_in: 3600, echo }) : JSON.stringify({ error: 'invalid_client', echo });
      return Promise.resolve(response({ status: tokenStatus, body }));
    }
    const status = apiStatuses.shift() ?? 200;
    return Promise.resolve(response({ status, body: echo, headers: wire.headers.map(([name, value]) => [`x-echo-${name}`, value]) }) satisfies HttpOutcome);
  };
  return execute;
}

const signing = () => ({
  clock: { now: () => NOW },
  nonces: { nonce: () => 'fixed-nonce', uuid: () => '00000000-0000-4000-8000-000000000000', randomInt: () => 7 },
  secrets: { get: (_env: string, name: string) => (name in VAULT ? Promise.resolve(VAULT[name as keyof typeof VAULT]) : Promise.reject(new Error('no such secret'))) },
  tokens: new TokenCache({ now: () => NOW }),
});

describe('a send is recorded with every secret redacted, its traces redacted once', () => {
  it('no secret, Basic pair or token in the outcome, traces, exchanges or signature inputs', async () => {
    const result = await sendSigned(input, signing(), {}, echoingGateway([200]));
    expect(leaks({ outcome: result.outcome, traces: result.traces, exchanges: result.exchanges, inputs: result.signatureInputs })).toEqual([]);
    // The token reached the wire and the trace says where it went, redacted.
    const call = result.exchanges.find((exchange) => exchange.role === 'call');
    expect(call?.traces.flatMap((trace) => trace.steps).find((step) => step.label === 'Header set')?.value).toBe('Authorization: Bearer [redacted]');
  });

  it("the exchanges show the signer's traces as they are: the call all of them, the token request its own step's", async () => {
    const result = await sendSigned(input, signing(), {}, echoingGateway([200]));
    const [token, call] = result.exchanges;
    expect(call?.traces).toEqual(result.traces);
    expect(token?.traces).toEqual(result.traces.filter((trace) => trace.scheme === 'OAuth 2.0 client credentials'));
  });

  it('after a 401 and a fresh token, neither the old token nor the new one is in any exchange', async () => {
    const result = await sendSigned(input, signing(), {}, echoingGateway([401, 200]));
    expect(result.retried).toBe(true);
    expect(result.exchanges.map((exchange) => exchange.role)).toEqual(['token', 'call', 'token', 'call']);
    expect(leaks({ outcome: result.outcome, traces: result.traces, exchanges: result.exchanges })).toEqual([]);
  });

  it('a refused token request (its answer echoing the Basic credentials) fails with nothing secret in the failure', async () => {
    const failure = await sendSigned(input, signing(), {}, echoingGateway([200], 401)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ChainFailure);
    const chain = failure as ChainFailure;
    expect(chain.exchanges.length).toBeGreaterThan(0);
    expect(leaks({ message: chain.message, exchanges: chain.exchanges, traces: chain.traces, outcome: chain.outcome, failure: chain.failure })).toEqual([]);
  });
});
