import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthChain, type AuthStepInput } from '../../../main/contract/auth.ts';
import { sendSigned } from '../../../main/requests/send-signed.ts';
import { cryptoNonces, TokenCache, type SigningRequest } from '../../../main/signing/index.ts';
import { NOW_MS } from './support.ts';

// Signatures made by our signer, sent by our executor to a loopback server
// mounted under a path prefix, and checked by code nobody here wrote:
// python3's oauthlib (OAuth 1.0a base string and HMAC) and the openssl CLI
// (RSA-SHA256 verify, PayNet's HMAC-SHA256).

type Seen = { method: string; path: string; headers: Record<string, string>; body: string };

const FIXTURES = new URL('../../fixtures/signing/', import.meta.url);
const PRIVATE_KEY = readFileSync(new URL('test-only-rsa-pkcs8.pem', FIXTURES), 'utf8');
const PUBLIC_KEY_PATH = new URL('test-only-rsa-public.pem', FIXTURES).pathname;
const VERIFY_SCRIPT = new URL('oauthlib-verify.py', import.meta.url).pathname;

/** A python3 that has oauthlib: Debian's lives in /usr/bin, which a pyenv python3 on PATH may hide. */
function pythonWithOauthlib(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import oauthlib'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('No python3 with oauthlib (apt-get install python3-oauthlib): npm run doctor says how.');
}

let server: Server;
let origin = '';
const seen: Seen[] = [];
let tmp = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'countersign-verifiers-'));
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
      seen.push({ method: request.method ?? '', path: request.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      response.setHeader('content-type', 'application/json');
      // Token endpoints anywhere under a prefix; everything else just answers.
      response.end(request.url?.endsWith('/token') || request.url?.endsWith('/token/') ? JSON.stringify({ access_token: 'tok-verifier-1', token_type: 'Bearer', expires_in: 3600 }) : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

const vault: Record<string, string> = { control_key: 'ctrl-KEY ~*!&=+ü', merchant_key: PRIVATE_KEY, paynet_secret: 'paynet-client-secret-0123' };

async function send(request: SigningRequest, auth: AuthStepInput[], baseUrl: string): Promise<Seen> {
  const before = seen.length;
  const result = await sendSigned(
    { request, auth: AuthChain.parse(auth), environment: { name: 'UAT', variables: { baseUrl } } },
    {
      clock: { now: () => NOW_MS },
      nonces: cryptoNonces,
      secrets: { get: (_env, name) => (Object.hasOwn(vault, name) ? Promise.resolve(vault[name] ?? '') : Promise.reject(new Error('no secret'))) },
      tokens: new TokenCache({ now: () => NOW_MS }),
    },
    {},
  );
  if (!result.outcome.ok) throw new Error(result.outcome.error.message);
  expect(result.outcome.response.status).toBe(200);
  return seen.slice(before).at(-1) as Seen;
}

function oauthlib(got: Seen, methodName: string, consumerSecret: string | null): { base_string: string; signature?: string } {
  const url = `${origin}${got.path}`;
  const input = JSON.stringify({ method: got.method, url, query: new URL(url).search.slice(1), authorization: got.headers.authorization ?? '', body: got.body, consumer_secret: consumerSecret, method_name: methodName });
  return JSON.parse(execFileSync(pythonWithOauthlib(), [VERIFY_SCRIPT], { input, encoding: 'utf8' })) as { base_string: string; signature?: string };
}

function headerSignature(got: Seen): string {
  const match = /oauth_signature="([^"]*)"/.exec(got.headers.authorization ?? '');
  return decodeURIComponent(match?.[1] ?? '');
}

const form = {
  kind: 'form' as const,
  pairs: [
    { name: 'client_orderid', value: 'order 42/ü' },
    { name: 'amount', value: '100.00' },
    { name: 'order_desc', value: "Tom's ~*!() test" },
  ],
};

describe('OAuth 1.0a (Elecsnet) under a path prefix, verified by python3 oauthlib and openssl', () => {
  const base = { type: 'oauth1' as const, consumerKey: 'merchant-login', realm: '', includeVersion: true };
  for (const prefix of ['/osp/v2', '/elecsnet/']) {
    for (const [methodName, inBody] of [['HMAC-SHA1', true], ['HMAC-SHA256', false]] as const) {
      it(`${methodName} at ${prefix} (oauth params in body: ${String(inBody)})`, async () => {
        const got = await send(
          { method: 'POST', url: '{{baseUrl}}/paynet/api/v2/sale-form/123?lang=en', headers: [], body: form },
          [{ ...base, signatureMethod: methodName, consumerSecret: '{{secret:control_key}}', oauthParamsInBody: inBody }],
          `${origin}${prefix}`,
        );
        expect(got.path.startsWith(`${prefix.replace(/\/$/, '')}/paynet/api/v2/sale-form/123?`)).toBe(true);
        const check = oauthlib(got, methodName, vault.control_key ?? '');
        expect(check.signature).toBe(headerSignature(got));
        if (inBody) expect(got.body).toContain('oauth_consumer_key=merchant-login');
      });
    }
  }

  it('RSA-SHA256: openssl verifies the signature over the base string oauthlib builds', async () => {
    const got = await send(
      { method: 'POST', url: '{{baseUrl}}/paynet/api/v2/sale-form/123', headers: [], body: form },
      [{ ...base, signatureMethod: 'RSA-SHA256', privateKey: '{{secret:merchant_key}}', oauthParamsInBody: true }],
      `${origin}/osp/v2`,
    );
    const { base_string: baseString } = oauthlib(got, 'RSA-SHA256', null);
    writeFileSync(join(tmp, 'base.txt'), baseString);
    writeFileSync(join(tmp, 'sig.bin'), Buffer.from(headerSignature(got), 'base64'));
    const verify = spawnSync('openssl', ['dgst', '-sha256', '-verify', PUBLIC_KEY_PATH, '-signature', join(tmp, 'sig.bin'), join(tmp, 'base.txt')], { encoding: 'utf8' });
    expect(verify.stdout.trim()).toBe('Verified OK');
  });
});

describe('PayNet under a path prefix: token URL keeps the prefix, X-Signature checked with openssl', () => {
  it.each(['/osp/v2', '/osp/v2/'])('base %s', async (prefix) => {
    const baseUrl = `${origin}${prefix}`;
    const before = seen.length;
    const got = await send(
      { method: 'GET', url: `${baseUrl.replace(/\/$/, '')}/api/v1/reports`, headers: [], body: { kind: 'none' } },
      [
        { type: 'oauth2-client-credentials', tokenUrl: '{{baseUrl}}/token', clientId: 'client_1', clientSecret: '{{secret:paynet_secret}}' },
        { type: 'paynet-signature', clientSecret: '{{secret:paynet_secret}}' },
      ],
      baseUrl.replace(/\/$/, ''),
    );
    expect(seen.slice(before).map((s) => `${s.method} ${s.path}`)).toEqual(['POST /osp/v2/token', 'GET /osp/v2/api/v1/reports']);
    const timestamp = got.headers['x-timestamp'] ?? '';
    const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', vault.paynet_secret ?? ''], { input: timestamp, encoding: 'utf8' });
    expect(got.headers['x-signature']).toBe(/([0-9a-f]{64})\s*$/.exec(openssl)?.[1]);
    expect(got.headers.authorization).toBe('Bearer tok-verifier-1');
  });
});

describe('MoMo under a path prefix: the token call keeps the prefix', () => {
  it.each(['/momo', '/momo/'])('base %s', async (prefix) => {
    const before = seen.length;
    vault.sub = 'sub-key-0123456789';
    vault.api = 'api-key-0123456789';
    await send(
      { method: 'GET', url: `${origin}/momo/collection/v1_0/requesttopay/abc`, headers: [], body: { kind: 'none' } },
      [{ type: 'momo', subscriptionKey: '{{secret:sub}}', apiUser: 'user-1', apiKey: '{{secret:api}}', targetEnvironment: 'sandbox', baseUrl: '{{baseUrl}}' }],
      `${origin}${prefix}`,
    );
    const calls = seen.slice(before);
    expect(calls.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /momo/collection/token/', 'GET /momo/collection/v1_0/requesttopay/abc']);
    expect(calls[0]?.headers.authorization).toBe(`Basic ${Buffer.from('user-1:api-key-0123456789').toString('base64')}`);
    expect(calls[1]?.headers['x-target-environment']).toBe('sandbox');
  });
});
