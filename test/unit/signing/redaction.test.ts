import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import { redact } from '../../../main/signing/redact.ts';
import { signRequest, type SigningDeps } from '../../../main/signing/sign-request.ts';
import { TokenCache } from '../../../main/signing/token-cache.ts';
import type { TokenFetcher } from '../../../main/signing/token-endpoint.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { fixture, TEST_PASSPHRASE } from './fixtures.ts';
import { countingNonces, fixedClock } from './helpers.ts';

// Secrets with characters that change under percent-encoding and JSON escaping.
const VAULT: Record<string, string> = {
  client_secret: 'pn+Secret/with=chars&more',
  control_key: 'F9F65098-1111-1111-1111-621611111111',
  centagate_key: 'cg "quoted" key',
  momo_key: 'f1db798c98df4bcf83b538175893bbf0',
  momo_sub: 'd484a1f0d34f4301916d0f2c9e9106a2',
  basic_pw: 'pässwörd!',
  api_key: 'ak_live_1234567890',
  rsa_pass: TEST_PASSPHRASE,
};
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-token-body';
const ALL_SECRETS = [...Object.values(VAULT), TOKEN];

function deps(fetcher?: TokenFetcher): SigningDeps {
  const clock = fixedClock(1_700_000_000_000);
  return {
    clock,
    nonces: countingNonces(),
    secrets: { get: (_env, name) => (Object.hasOwn(VAULT, name) ? Promise.resolve(VAULT[name]!) : Promise.reject(new Error('none'))) },
    tokens: new TokenCache(clock),
    fetchToken: fetcher ?? (() => Promise.resolve({ status: 200, body: JSON.stringify({ access_token: TOKEN, expires_in: 3600 }) })),
  };
}

function assertNoSecret(text: string): void {
  for (const secret of ALL_SECRETS) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

const jsonPost: SigningRequest = {
  method: 'POST',
  url: 'https://gw.example/api?key={{secret:api_key}}',
  headers: [{ name: 'X-Echo', value: '{{secret:client_secret}}' }],
  body: { kind: 'json', text: '{"username":"alice","note":"{{secret:centagate_key}}"}' },
};

const chains: [string, SigningRequest, AuthStep[]][] = [
  [
    'OAuth 2.0 + PayNet',
    jsonPost,
    [
      { type: 'oauth2-client-credentials', tokenUrl: 'https://gw.example/token', clientId: 'cid', clientSecret: '{{secret:client_secret}}', clientAuth: 'basic' },
      { type: 'paynet-signature', clientSecret: '{{secret:client_secret}}' },
    ],
  ],
  ['CENTAGATE', jsonPost, [{ type: 'hmac-fields', key: '{{secret:centagate_key}}', algorithm: 'sha256', encoding: 'hex', parts: [{ kind: 'field', name: 'note' }], output: { in: 'body', field: 'hmac' } }]],
  [
    'OAuth 1.0a PLAINTEXT (the signature is the key)',
    { method: 'POST', url: 'https://gw.example/p', headers: [], body: { kind: 'form', pairs: [{ name: 'a', value: '1' }] } },
    [{ type: 'oauth1', signatureMethod: 'PLAINTEXT', consumerKey: 'merchantlogin', consumerSecret: '{{secret:control_key}}', realm: '', includeVersion: true, oauthParamsInBody: true }],
  ],
  [
    'OAuth 1.0a HMAC-SHA1',
    { method: 'POST', url: 'https://gw.example/p', headers: [], body: { kind: 'form', pairs: [{ name: 'a', value: '{{secret:control_key}}' }] } },
    [{ type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'merchantlogin', consumerSecret: '{{secret:control_key}}', includeVersion: true, oauthParamsInBody: false }],
  ],
  [
    'OAuth 1.0a RSA-SHA256 with an encrypted key',
    { method: 'POST', url: 'https://gw.example/p', headers: [], body: { kind: 'none' } },
    [{ type: 'oauth1', signatureMethod: 'RSA-SHA256', consumerKey: 'm', privateKey: fixture('test-only-rsa-pkcs8-encrypted.pem'), privateKeyPassphrase: '{{secret:rsa_pass}}', includeVersion: true, oauthParamsInBody: false }],
  ],
  [
    'MoMo',
    { method: 'POST', url: 'https://sandbox.momodeveloper.mtn.com/collection/v1_0/requesttopay', headers: [], body: { kind: 'none' } },
    [{ type: 'momo', subscriptionKey: '{{secret:momo_sub}}', apiUser: 'user-1', apiKey: '{{secret:momo_key}}', tokenPath: '/collection/token/', useToken: true, referenceId: true }],
  ],
  [
    'Basic, Bearer and API key',
    jsonPost,
    [
      { type: 'basic', username: 'u', password: '{{secret:basic_pw}}' },
      { type: 'api-key', in: 'query', name: 'k2', value: '{{secret:api_key}}' },
      { type: 'bearer', token: TOKEN },
    ],
  ],
];

describe('no secret value in any trace, error or log line', () => {
  // Signing does not log; if a line is ever added, it must not carry a secret.
  const logged: string[] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
    }
  });
  afterEach(() => {
    assertNoSecret(logged.join('\n'));
    vi.restoreAllMocks();
  });

  it.each(chains)('%s: the traces hold no secret, in any encoding', async (_name, request, auth) => {
    const signed = await signRequest({ request, auth, environment: { name: 'uat', variables: {} } }, deps());
    assertNoSecret(JSON.stringify(signed.traces));
    // Every chain here except RSA puts a secret into what it signs or sends, so the trace must show the redaction.
    if (!auth.some((step) => step.type === 'oauth1' && step.signatureMethod.startsWith('RSA'))) {
      expect(JSON.stringify(signed.traces)).toContain('[redacted]');
    }
    // The request itself carries credentials (it is what gets sent); its redacted form does not.
    assertNoSecret(signed.redact(JSON.stringify(signed.request)));
  });

  it('the RSA private key PEM never appears in the trace', async () => {
    const pem = fixture('test-only-rsa-pkcs1.pem');
    const signed = await signRequest(
      {
        request: { method: 'GET', url: 'https://gw.example/', headers: [], body: { kind: 'none' } },
        auth: [{ type: 'oauth1', signatureMethod: 'RSA-SHA1', consumerKey: 'm', privateKey: pem, includeVersion: true, oauthParamsInBody: false }],
        environment: { name: 'uat', variables: {} },
      },
      deps(),
    );
    const text = JSON.stringify(signed.traces);
    expect(text).not.toContain(pem.split('\n')[1]);
    expect(text).toContain('RSA private key (2048-bit, PKCS#1 PEM)');
  });

  it('a token endpoint that echoes the secret back produces an error without it', async () => {
    const echo: TokenFetcher = (req) =>
      Promise.resolve({ status: 401, body: `invalid client: ${req.body.kind === 'form' ? req.body.pairs.map((p) => p.value).join(',') : ''}` });
    const attempt = signRequest(
      {
        request: jsonPost,
        auth: [{ type: 'oauth2-client-credentials', tokenUrl: 'https://gw.example/token', clientId: 'cid', clientSecret: '{{secret:client_secret}}', clientAuth: 'body' }],
        environment: { name: 'uat', variables: {} },
      },
      deps(echo),
    );
    const error = await attempt.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/answered 401/);
    assertNoSecret(`${(error as Error).message}\n${(error as Error).stack ?? ''}`);
  });

  it('an error raised after secrets were resolved is redacted too', async () => {
    const attempt = signRequest(
      {
        request: { method: 'POST', url: 'https://gw.example/{{secret:control_key}}/x', headers: [], body: { kind: 'raw', text: 'x' } },
        auth: [{ type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'k', consumerSecret: '{{secret:control_key}}', includeVersion: true, oauthParamsInBody: true }],
        environment: { name: 'uat', variables: {} },
      },
      deps(),
    );
    await expect(attempt).rejects.toThrow(/form-encoded/);
  });

  it('redact() replaces every occurrence and its encoded forms, longest secret first', () => {
    expect(redact('a=pn%2BSecret%2Fwith%3Dchars%26more&b=pn+Secret/with=chars&more', [VAULT.client_secret!])).toBe('a=[redacted]&b=[redacted]');
    expect(redact('abcdefghijkl abcdefgh', ['abcdefgh', 'abcdefghijkl'])).toBe('[redacted] [redacted]');
    // Values shorter than MIN_SECRET_LENGTH are cut only as whole tokens, never out of a longer word.
    expect(redact('nothing here, there', ['', 'zzz', 'here'])).toBe('nothing [redacted], there');
  });
});
