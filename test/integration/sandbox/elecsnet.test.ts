import { createHmac, generateKeyPairSync } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { describe, expect, it } from 'vitest';
import { readSandboxMerchantPrivateKey, SANDBOX_CREDENTIALS, startSandbox } from '../../../main/sandbox/index.ts';
import { FIXED_NOW_MS, FIXED_NOW_SECONDS, useSandbox } from './support/sandbox-fixture.ts';
import { parseLines, signElecsnetRequest, type OAuthSigned } from './support/sign.ts';

const { login, controlKey } = SANDBOX_CREDENTIALS.elecsnet;
const privateKey = readSandboxMerchantPrivateKey();
const sandbox = useSandbox();
const PATH = '/paynet/api/v2/transfer/1001';

const params = { client_orderid: 'inv-77', amount: '100.00', currency: 'USD', order_desc: 'Order #77' };
let nonceCounter = 0;
const freshNonce = () => `nonce${(nonceCounter += 1)}`;

type Sent = { status: number; lines: Record<string, string> };

async function send(baseUrl: string, signed: Pick<OAuthSigned, 'authorization' | 'body'>, path = PATH, contentType = 'application/x-www-form-urlencoded'): Promise<Sent> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: signed.authorization },
    body: signed.body,
  });
  return { status: response.status, lines: parseLines(await response.text()) };
}

function hmacRequest(overrides: Partial<Parameters<typeof signElecsnetRequest>[0]> = {}): OAuthSigned {
  return signElecsnetRequest({
    url: `${sandbox.current().url}${PATH}`,
    params,
    consumerKey: login,
    method: 'HMAC-SHA1',
    controlKey,
    timestamp: FIXED_NOW_SECONDS,
    nonce: freshNonce(),
    ...overrides,
  });
}

function rsaRequest(overrides: Partial<Parameters<typeof signElecsnetRequest>[0]> = {}): OAuthSigned {
  return hmacRequest({ method: 'RSA-SHA256', privateKeyPem: privateKey, ...overrides });
}

describe('Elecsnet OAuth 1.0a: accepted requests', () => {
  it('accepts HMAC-SHA1 with key = control key + "&" and answers in name=value lines', async () => {
    const result = await send(sandbox.current().url, hmacRequest());
    expect(result.status).toBe(200);
    expect(result.lines).toMatchObject({ type: 'async-response', 'merchant-order-id': 'inv-77', 'end-point-id': '1001', 'signature-method': 'HMAC-SHA1' });
    expect(result.lines['paynet-order-id']).toMatch(/^\d+$/);
  });

  it('accepts RSA-SHA256 signed with the test-only merchant key', async () => {
    const result = await send(sandbox.current().url, rsaRequest());
    expect(result.status).toBe(200);
    expect(result.lines['signature-method']).toBe('RSA-SHA256');
  });

  it('accepts parameters that need percent-encoding (spaces, +, ~, *, &, =, non-ASCII)', async () => {
    const awkward = { ...params, order_desc: 'a+b c~d*e&f=g ünï 💳', 'merchant-data': "it's (fine)!" };
    const result = await send(sandbox.current().url, hmacRequest({ params: awkward }));
    expect(result.status).toBe(200);
  });

  it('accepts a request signed by the oauth-1.0a library (a third implementation)', async () => {
    const oauth = new OAuth({
      consumer: { key: login, secret: controlKey },
      signature_method: 'HMAC-SHA1',
      hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
    });
    oauth.getTimeStamp = () => Number(FIXED_NOW_SECONDS);
    const url = `${sandbox.current().url}${PATH}`;
    const authorization = oauth.authorize({ url, method: 'POST', data: params });
    // authorize() returns the request data too; the body repeats the OAuth parameters except the signature.
    const body = new URLSearchParams(params);
    for (const [name, value] of Object.entries(authorization)) {
      if (name.startsWith('oauth_') && name !== 'oauth_signature') body.append(name, String(value));
    }
    const result = await send(sandbox.current().url, { authorization: oauth.toHeader(authorization).Authorization, body: body.toString() });
    expect(result.lines['error-message']).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('includes query parameters in the base string', async () => {
    const signed = signElecsnetRequest({ url: `${sandbox.current().url}${PATH}`, params: { ...params, lang: 'en' }, consumerKey: login, method: 'HMAC-SHA1', controlKey, timestamp: FIXED_NOW_SECONDS, nonce: freshNonce() });
    // The body carries everything but lang, which travels in the query.
    const body = signed.body.split('&').filter((pair) => !pair.startsWith('lang=')).join('&');
    const result = await send(sandbox.current().url, { authorization: signed.authorization, body }, `${PATH}?lang=en`);
    expect(result.status).toBe(200);
  });
});

describe('Elecsnet OAuth 1.0a: parameter normalization', () => {
  it('normalizes query, body and header parameters like RFC 5849 §3.4.1.3.2', async () => {
    // The RFC's example parameters (repeated a3, empty c2 and c@, "+" as space in the body,
    // a header-only oauth_token), with this sandbox's consumer and time.
    const oauth = { oauth_consumer_key: login, oauth_nonce: '7d8f3e4a', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: FIXED_NOW_SECONDS, oauth_version: '1.0' };
    const body = ['c2', 'a3=2+q', ...Object.entries(oauth).map(([name, value]) => `${name}=${value}`)].join('&');
    const authorization = `OAuth realm="Example", ${Object.entries({ ...oauth, oauth_token: 'kkk9d7dh3k39sjv7', oauth_signature: 'bYT5CMsGcbgUdFHObYMEfcx6bsw%3D' })
      .map(([name, value]) => `${name}="${value}"`)
      .join(', ')}`;
    const result = await send(sandbox.current().url, { authorization, body }, `${PATH}?b5=%3D%253D&a3=a&c%40=&a2=r%20b`);
    expect(result.status).toBe(403);
    expect(result.lines['sandbox-normalized-parameters']).toBe(
      `a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=${login}&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1` +
        `&oauth_timestamp=${FIXED_NOW_SECONDS}&oauth_token=kkk9d7dh3k39sjv7&oauth_version=1.0`,
    );
  });
});

describe('Elecsnet OAuth 1.0a: rejections say why', () => {
  it('rejects a body changed after signing and shows the base string it built', async () => {
    const signed = hmacRequest();
    const tampered = signed.body.replace('amount=100.00', 'amount=900.00');
    const result = await send(sandbox.current().url, { authorization: signed.authorization, body: tampered });
    expect(result.status).toBe(403);
    expect(result.lines.type).toBe('validation-error');
    expect(result.lines['error-message']).toContain('does not verify');
    expect(result.lines['sandbox-signature-base-string']).toBe(signed.baseString.replace('amount%3D100.00', 'amount%3D900.00'));
    expect(result.lines['sandbox-key']).not.toContain(controlKey);
  });

  it('shows exactly the base string a correct client signs (debugging aid)', async () => {
    const signed = hmacRequest({ params: { ...params, order_desc: 'a+b c~d' } });
    const wrongKey = hmacRequest({ params: { ...params, order_desc: 'a+b c~d' }, controlKey: 'F9F65098-1111-1111-1111-621611111111' });
    const result = await send(sandbox.current().url, wrongKey);
    expect(result.status).toBe(403);
    expect(result.lines['sandbox-signature-base-string']).toBe(wrongKey.baseString);
    expect(signed.baseString).toContain('order_desc%3Da%252Bb%2520c~d');
  });

  it('rejects RSA-SHA256 signed with a key other than the registered one', async () => {
    const { privateKey: other } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const result = await send(sandbox.current().url, rsaRequest({ privateKeyPem: other.export({ type: 'pkcs8', format: 'pem' }).toString() }));
    expect(result.status).toBe(403);
    expect(result.lines['sandbox-key']).toMatch(/fingerprint [0-9a-f]{64}/);
  });

  it('rejects OAuth parameters missing from the body', async () => {
    const signed = hmacRequest();
    const body = signed.body.split('&').filter((pair) => !pair.startsWith('oauth_')).join('&');
    const result = await send(sandbox.current().url, { authorization: signed.authorization, body });
    expect(result.status).toBe(403);
    expect(result.lines['error-message']).toMatch(/must repeat oauth_consumer_key/);
  });

  it('rejects a nonce that differs between header and body', async () => {
    const signed = hmacRequest({ nonce: 'header-nonce' });
    const body = signed.body.replace('oauth_nonce=header-nonce', 'oauth_nonce=body-nonce');
    const result = await send(sandbox.current().url, { authorization: signed.authorization, body });
    expect(result.status).toBe(403);
    expect(result.lines['error-message']).toContain('oauth_nonce differs');
  });

  it('rejects a stale oauth_timestamp', async () => {
    const result = await send(sandbox.current().url, hmacRequest({ timestamp: String(Number(FIXED_NOW_SECONDS) - 1000) }));
    expect(result.status).toBe(403);
    expect(result.lines['error-message']).toContain('1000 s behind');
  });

  it('rejects a replayed nonce', async () => {
    const signed = hmacRequest({ nonce: 'once-only' });
    expect((await send(sandbox.current().url, signed)).status).toBe(200);
    const replay = await send(sandbox.current().url, signed);
    expect(replay.status).toBe(403);
    expect(replay.lines['error-message']).toContain('replay');
  });

  it('rejects an unknown consumer key', async () => {
    const result = await send(sandbox.current().url, hmacRequest({ consumerKey: 'merchantlogin' }));
    expect(result.status).toBe(403);
    expect(result.lines['error-message']).toContain('not a sandbox merchant login');
  });

  it('rejects a signature method other than HMAC-SHA1 and RSA-SHA256', async () => {
    const signed = hmacRequest();
    const result = await send(sandbox.current().url, {
      authorization: signed.authorization.replace('HMAC-SHA1', 'PLAINTEXT'),
      body: signed.body.replace('HMAC-SHA1', 'PLAINTEXT'),
    });
    expect(result.status).toBe(403);
    expect(result.lines['error-message']).toContain('PLAINTEXT');
  });

  it('rejects a request without an OAuth Authorization header', async () => {
    const signed = hmacRequest();
    const result = await send(sandbox.current().url, { authorization: 'Bearer x', body: signed.body });
    expect(result.status).toBe(403);
    expect(result.lines['error-message']).toContain('does not start with "OAuth "');
  });

  it('wants a form-encoded body', async () => {
    const result = await send(sandbox.current().url, hmacRequest(), PATH, 'application/json');
    expect(result.status).toBe(415);
  });
});

describe('Elecsnet merchant public key registration', () => {
  it('registers a new key at run time: the new key signs, the old one no longer does', async () => {
    const local = await startSandbox({ clock: () => FIXED_NOW_MS });
    try {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const registered = await fetch(`${local.url}/sandbox/elecsnet/merchants/${login}/public-key`, {
        method: 'PUT',
        headers: { 'content-type': 'application/x-pem-file' },
        body: pem,
      });
      expect(registered.status).toBe(200);
      const info = (await registered.json()) as { modulusBits: number; fingerprintSha256: string };
      expect(info.modulusBits).toBe(2048);

      const shown = (await (await fetch(`${local.url}/sandbox/elecsnet/merchants/${login}/public-key`)).json()) as { fingerprintSha256: string; publicKeyPem: string };
      expect(shown.fingerprintSha256).toBe(info.fingerprintSha256);
      expect(shown.publicKeyPem).toBe(pem);

      const sign = (key: string) =>
        signElecsnetRequest({ url: `${local.url}${PATH}`, params, consumerKey: login, method: 'RSA-SHA256', privateKeyPem: key, timestamp: FIXED_NOW_SECONDS, nonce: freshNonce() });
      expect((await send(local.url, sign(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()))).status).toBe(200);
      expect((await send(local.url, sign(privateKey))).status).toBe(403);
    } finally {
      await local.close();
    }
  });

  it('takes the merchant key from its configuration at start', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const local = await startSandbox({ clock: () => FIXED_NOW_MS, elecsnet: { publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() } });
    try {
      const sign = (key: string) =>
        signElecsnetRequest({ url: `${local.url}${PATH}`, params, consumerKey: login, method: 'RSA-SHA256', privateKeyPem: key, timestamp: FIXED_NOW_SECONDS, nonce: freshNonce() });
      expect((await send(local.url, sign(pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()))).status).toBe(200);
      expect((await send(local.url, sign(privateKey))).status).toBe(403);
    } finally {
      await local.close();
    }
  });

  it('refuses to start with an unusable configured key', async () => {
    await expect(startSandbox({ elecsnet: { publicKeyPem: 'not a key' } })).rejects.toThrow(/unusable/);
  });

  it('accepts a JSON body {publicKeyPem} and a PKCS#1 public key', async () => {
    const local = await startSandbox({ clock: () => FIXED_NOW_MS });
    try {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const response = await fetch(`${local.url}/sandbox/elecsnet/merchants/${login}/public-key`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ publicKeyPem: pair.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString() }),
      });
      expect(response.status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it.each([
    ['text that is not a key', 'hello'],
    ['a 1024-bit key', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()],
    ['an EC key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString()],
  ])('refuses %s and keeps the old key', async (_label, body) => {
    const response = await fetch(`${sandbox.current().url}/sandbox/elecsnet/merchants/${login}/public-key`, { method: 'PUT', body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_key');
    expect((await send(sandbox.current().url, rsaRequest())).status).toBe(200);
  });

  it('refuses a key for a merchant the sandbox does not know', async () => {
    const response = await fetch(`${sandbox.current().url}/sandbox/elecsnet/merchants/someone/public-key`, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(404);
  });
});
