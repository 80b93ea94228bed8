import { spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuth1 } from '../../../main/contract/auth.ts';
import { SigningError } from '../../../main/signing/errors.ts';
import { signOAuth1 } from '../../../main/signing/schemes/oauth1.ts';
import { computeOAuth1Signature } from '../../../main/signing/oauth1-signature.ts';
import { clearRsaKeyCache } from '../../../main/signing/rsa-key.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { fixture, fixturePath, hasOpenssl, TEST_PASSPHRASE } from './fixtures.ts';
import { fixedContext, header } from './helpers.ts';

const baseString = fixture('elecsnet-rsa-base-string.txt');
const opensslSha256 = fixture('elecsnet-rsa-sha256.openssl.b64').trim();
const opensslSha1 = fixture('elecsnet-rsa-sha1.openssl.b64').trim();

const keys = [
  ['PKCS#8', fixture('test-only-rsa-pkcs8.pem'), undefined],
  ['PKCS#1', fixture('test-only-rsa-pkcs1.pem'), undefined],
  ['PKCS#8 encrypted', fixture('test-only-rsa-pkcs8-encrypted.pem'), TEST_PASSPHRASE],
  ['PKCS#1 encrypted', fixture('test-only-rsa-pkcs1-encrypted.pem'), TEST_PASSPHRASE],
] as const;

const elecsnetRequest: SigningRequest = {
  method: 'POST',
  url: 'https://sandbox.gateway.example/paynet/api/v2/payout/123',
  headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
  body: {
    kind: 'form',
    pairs: [
      { name: 'client_orderid', value: '12345' },
      { name: 'amount', value: '100.50' },
      { name: 'currency', value: 'USD' },
      { name: 'order_desc', value: "Test order ~*!'() é" },
    ],
  },
};

function elecsnetConfig(privateKey: string, passphrase: string | undefined): OAuth1 {
  return {
    type: 'oauth1',
    signatureMethod: 'RSA-SHA256',
    consumerKey: 'merchantlogin',
    privateKey,
    ...(passphrase === undefined ? {} : { privateKeyPassphrase: passphrase }),
    realm: '',
    includeVersion: true,
    oauthParamsInBody: true,
    timestamp: '1513785920',
    nonce: 'EqINVv5rkhx',
  };
}

describe('OAuth 1.0a RSA signatures against the openssl CLI', () => {
  it.each(keys)('RSA-SHA256 with a %s key equals the committed openssl signature', (_label, pem, passphrase) => {
    const sig = computeOAuth1Signature('RSA-SHA256', baseString, { privateKey: pem, privateKeyPassphrase: passphrase });
    expect(sig.value).toBe(opensslSha256);
  });

  it('RSA-SHA1 equals the committed openssl signature', () => {
    const sig = computeOAuth1Signature('RSA-SHA1', baseString, { privateKey: fixture('test-only-rsa-pkcs8.pem') });
    expect(sig.value).toBe(opensslSha1);
  });

  it('signs an Elecsnet-style form POST: realm="", oauth params in the sorted body, signature verifiable', () => {
    const result = signOAuth1(elecsnetRequest, elecsnetConfig(fixture('test-only-rsa-pkcs1.pem'), undefined), fixedContext());
    expect(result.base.baseString).toBe(baseString);
    expect(result.signature).toBe(opensslSha256);
    const auth = header(result.request, 'Authorization') ?? '';
    expect(auth.startsWith('OAuth realm="", oauth_consumer_key="merchantlogin"')).toBe(true);
    expect(auth).toContain(`oauth_signature="${encodeURIComponent(opensslSha256)}"`);
    expect(result.request.body.kind).toBe('form');
    const names = result.request.body.kind === 'form' ? result.request.body.pairs.map((p) => p.name) : [];
    expect(names).toEqual([
      'amount', 'client_orderid', 'currency', 'oauth_consumer_key', 'oauth_nonce',
      'oauth_signature_method', 'oauth_timestamp', 'oauth_version', 'order_desc',
    ]);
    const publicKey = createPublicKey(fixture('test-only-rsa-public.pem'));
    expect(verify('sha256', Buffer.from(baseString), publicKey, Buffer.from(result.signature, 'base64'))).toBe(true);
    const keyStep = result.trace.steps.find((s) => s.label === 'Signing key');
    expect(keyStep?.value).toBe('RSA private key (2048-bit, PKCS#1 PEM)');
  });

  it('re-signing a body that already carries oauth_* fields replaces them instead of signing them twice', () => {
    const first = signOAuth1(elecsnetRequest, elecsnetConfig(fixture('test-only-rsa-pkcs8.pem'), undefined), fixedContext());
    const again = signOAuth1(first.request, elecsnetConfig(fixture('test-only-rsa-pkcs8.pem'), undefined), fixedContext());
    expect(again.base.baseString).toBe(baseString);
  });

  it('a wrong passphrase is a readable error that does not quote the passphrase', () => {
    const attempt = (): unknown =>
      computeOAuth1Signature('RSA-SHA256', baseString, {
        privateKey: fixture('test-only-rsa-pkcs8-encrypted.pem'),
        privateKeyPassphrase: 'not-the-passphrase-xyz',
      });
    expect(attempt).toThrow(SigningError);
    expect(attempt).toThrow(/passphrase/);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain('not-the-passphrase-xyz');
    }
  });

  it('a missing or non-PEM key is a readable error', () => {
    expect(() => computeOAuth1Signature('RSA-SHA256', baseString, {})).toThrow(/needs an RSA private key/);
    expect(() => computeOAuth1Signature('RSA-SHA256', baseString, { privateKey: 'not a key' })).toThrow(/PKCS#1 or PKCS#8/);
  });

  describe.runIf(hasOpenssl)('live openssl', () => {
    let dir: { path: string; remove: () => Promise<void> };
    beforeAll(async () => {
      dir = await makeTempDir('countersign-signing-');
    });
    afterAll(async () => {
      await dir.remove();
    });

    it.each([
      ['sha256', 'RSA-SHA256'],
      ['sha1', 'RSA-SHA1'],
    ] as const)('openssl dgst -%s -sign agrees on a fresh base string', (digest, method) => {
      const result = signOAuth1(
        { ...elecsnetRequest, url: 'https://sandbox.gateway.example/paynet/api/v2/sale/987?x=%E2%82%AC' },
        { ...elecsnetConfig(fixture('test-only-rsa-pkcs8-encrypted.pem'), TEST_PASSPHRASE), signatureMethod: method, nonce: 'live-nonce' },
        fixedContext(),
      );
      const file = join(dir.path, `base-${digest}.txt`);
      writeFileSync(file, result.base.baseString);
      const out = spawnSync('openssl', ['dgst', `-${digest}`, '-sign', fixturePath('test-only-rsa-pkcs8.pem'), file]);
      expect(out.status).toBe(0);
      expect(result.signature).toBe(out.stdout.toString('base64'));
    });
  });
});

describe('parsed RSA keys', () => {
  it('still sign correctly after the cache is cleared (e.g. on vault lock)', () => {
    const pem = fixture('test-only-rsa-pkcs8-encrypted.pem');
    const first = computeOAuth1Signature('RSA-SHA256', baseString, { privateKey: pem, privateKeyPassphrase: TEST_PASSPHRASE });
    clearRsaKeyCache();
    const second = computeOAuth1Signature('RSA-SHA256', baseString, { privateKey: pem, privateKeyPassphrase: TEST_PASSPHRASE });
    expect(second.value).toBe(first.value);
    // A wrong passphrase is not served from the cache of the right one.
    expect(() => computeOAuth1Signature('RSA-SHA256', baseString, { privateKey: pem, privateKeyPassphrase: 'wrong' })).toThrow(/passphrase/);
  });
});
