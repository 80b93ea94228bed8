import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OAuth1 } from '../../../main/contract/auth.ts';
import { signOAuth1 } from '../../../main/signing/schemes/oauth1.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { oauth1SignatureVariants } from '../../../main/signing/variants/oauth1.ts';
import { paynetSignatureVariants } from '../../../main/signing/variants/paynet.ts';

// Variants checked by code nobody here wrote: python3's oauthlib and urllib.parse (RFC 3986 and form
// encoding, HMAC), and the openssl CLI (HMAC-SHA256, RSA-SHA256 verify).

const FIXTURES = new URL('../../fixtures/signing/', import.meta.url);
const PRIVATE_KEY = readFileSync(new URL('test-only-rsa-pkcs8.pem', FIXTURES), 'utf8');
const PUBLIC_KEY_PATH = new URL('test-only-rsa-public.pem', FIXTURES).pathname;
const CTX = { clock: { now: () => 1_764_763_200_000 }, nonces: { nonce: () => 'a1b2c3d4e5', uuid: () => 'u', randomInt: () => 1 } };
const SECRET = 'control key/with spaces & symbols';
const REQUEST: SigningRequest = {
  method: 'POST',
  url: 'https://gw.example:8443/paynet/api/v2/sale-form/123?mode=test',
  headers: [],
  body: { kind: 'form', pairs: [{ name: 'order_desc', value: 'Countersign sample order ~*' }, { name: 'amount', value: '10.42' }] },
};
const tmp = mkdtempSync(join(tmpdir(), 'countersign-variants-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function python(): string {
  const override = process.env.COUNTERSIGN_PYTHON;
  for (const candidate of [...(override ? [override] : []), 'python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import oauthlib'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('No python3 with oauthlib (apt-get install python3-oauthlib): npm run doctor says how.');
}

const SCRIPT = `
import base64, hashlib, hmac, json, sys
from urllib.parse import quote, quote_plus
from oauthlib.oauth1.rfc5849 import signature
req = json.load(sys.stdin)
params = [tuple(p) for p in req["params"]]
uri = signature.base_string_uri(req["url"])
def base_with(encode):
    pairs = sorted((encode(k), encode(v)) for k, v in params)
    return req["method"] + "&" + quote(uri, safe="~") + "&" + quote("&".join(k + "=" + v for k, v in pairs), safe="~")
def sign(base, key):
    return base64.b64encode(hmac.new(key.encode(), base.encode(), hashlib.sha1).digest()).decode()
key = quote(req["secret"], safe="~") + "&"
std = signature.signature_base_string(req["method"], uri, signature.normalize_parameters(params))
plus = base_with(lambda s: quote_plus(s, safe="~"))
double = base_with(lambda s: quote(quote(s, safe="~"), safe="~"))
print(json.dumps({
  "as_sent": [std, signature.sign_hmac_sha1(std, req["secret"], "")],
  "plus": [plus, sign(plus, key)],
  "double": [double, sign(double, key)],
  "no_ampersand": sign(std, quote(req["secret"], safe="~")),
}))
`;

describe('OAuth 1.0a variants against python3 (oauthlib, urllib.parse)', () => {
  const config: OAuth1 = { type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'merchant', consumerSecret: SECRET, includeVersion: true, oauthParamsInBody: false };
  const signed = signOAuth1(REQUEST, config, CTX);
  const oauth = signed.base.params.filter((p) => p.source === 'oauth').map((p) => ({ name: p.name, value: p.value }));
  const variants = oauth1SignatureVariants({ request: REQUEST, config, oauth, keyLabel: 'k' });
  const byId = (id: string) => variants.find((v) => v.id === id);
  const params = [...new URL(REQUEST.url).searchParams, ...(REQUEST.body.kind === 'form' ? REQUEST.body.pairs.map((p) => [p.name, p.value]) : []), ...oauth.map((p) => [p.name, p.value])];
  const theirs = JSON.parse(execFileSync(python(), ['-c', SCRIPT], { input: JSON.stringify({ method: 'POST', url: REQUEST.url, params, secret: SECRET }) }).toString()) as {
    as_sent: [string, string];
    plus: [string, string];
    double: [string, string];
    no_ampersand: string;
  };

  it('as sent: the same base string and signature as oauthlib', () => {
    expect([byId('as-sent')?.stringToSign, byId('as-sent')?.signatureBase64]).toEqual(theirs.as_sent);
  });
  it("a space as '+': the same as urllib's quote_plus", () => {
    expect([byId('encoding.plus-for-space')?.stringToSign, byId('encoding.plus-for-space')?.signatureBase64]).toEqual(theirs.plus);
  });
  it('encoded twice: the same as urllib quoting twice', () => {
    expect([byId('encoding.double')?.stringToSign, byId('encoding.double')?.signatureBase64]).toEqual(theirs.double);
  });
  it("the key without '&': the same as python's hmac", () => {
    expect(byId('key.no-ampersand')?.signatureBase64).toBe(theirs.no_ampersand);
  });
});

describe('variants against the openssl CLI', () => {
  it('PayNet over the timestamp in milliseconds: openssl dgst -hmac gives the same hex', () => {
    const secret = 'sandbox-osp-secret-0f3c9a7e51d2';
    const variant = paynetSignatureVariants({ timestamp: '1764763200', clientSecret: secret, keyLabel: 'k' }).find((v) => v.id === 'paynet.timestamp-ms');
    const file = join(tmp, 'ts.txt');
    writeFileSync(file, '1764763200000');
    const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret, '-r', file]).toString();
    expect(out.split(' ')[0]).toBe(variant?.signatureHex);
  });

  it('RSA-SHA256 as sent and with oauth_version left out: each verifies with openssl over its own base string', () => {
    const config: OAuth1 = { type: 'oauth1', signatureMethod: 'RSA-SHA256', consumerKey: 'merchant', privateKey: PRIVATE_KEY, includeVersion: true, oauthParamsInBody: false };
    const signed = signOAuth1(REQUEST, config, CTX);
    const oauth = signed.base.params.filter((p) => p.source === 'oauth').map((p) => ({ name: p.name, value: p.value }));
    const variants = oauth1SignatureVariants({ request: REQUEST, config, oauth, keyLabel: 'k' });
    for (const id of ['as-sent', 'parameters.no-version']) {
      const variant = variants.find((v) => v.id === id);
      writeFileSync(join(tmp, 'base.txt'), variant?.stringToSign ?? '');
      writeFileSync(join(tmp, 'sig.bin'), Buffer.from(variant?.signatureBase64 ?? '', 'base64'));
      const verified = spawnSync('openssl', ['dgst', '-sha256', '-verify', PUBLIC_KEY_PATH, '-signature', join(tmp, 'sig.bin'), join(tmp, 'base.txt')]);
      expect(verified.stdout.toString().trim(), id).toBe('Verified OK');
    }
    expect(variants[0]?.signatureBase64).toBe(signed.signature);
  });
});
