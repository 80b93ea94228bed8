import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HmacFields, OAuth1 } from '../../../main/contract/auth.ts';
import { CENTAGATE_CODE_SAMPLE_ORDER } from '../../../main/signing/schemes/hmac-fields.ts';
import { signOAuth1 } from '../../../main/signing/schemes/oauth1.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { fieldSignatureVariants } from '../../../main/signing/variants/fields.ts';
import { oauth1SignatureVariants } from '../../../main/signing/variants/oauth1.ts';
import { paynetSignatureVariants } from '../../../main/signing/variants/paynet.ts';

const CONTROL_KEY = 'B7F1C0DE-1111-4222-8333-944455556666';
const UAT_KEY = 'C0FFEE00-1111-4222-8333-944455556666';
const CTX = { clock: { now: () => 1_764_763_200_000 }, nonces: { nonce: () => 'f1x3dn0nce', uuid: () => 'u', randomInt: () => 1 } };
const REQUEST: SigningRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:8787/paynet/api/v2/sale-form/123',
  headers: [],
  body: { kind: 'form', pairs: [{ name: 'order_desc', value: 'Countersign sample order' }, { name: 'amount', value: '10.42' }] },
};
const CONFIG: OAuth1 = { type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'merchant', consumerSecret: CONTROL_KEY, realm: '', includeVersion: true, oauthParamsInBody: true };

function oauthVariants() {
  const signed = signOAuth1(REQUEST, CONFIG, CTX);
  const oauth = signed.base.params.filter((p) => p.source === 'oauth').map((p) => ({ name: p.name, value: p.value }));
  return { signed, variants: oauth1SignatureVariants({ request: REQUEST, config: CONFIG, oauth, keyLabel: 'elecsnet.control_key (Sandbox)', alternatives: [{ label: 'the UAT value of elecsnet.control_key', value: UAT_KEY }] }) };
}

describe('OAuth 1.0a variants', () => {
  it('the first is the request exactly as the signer signed it', () => {
    const { signed, variants } = oauthVariants();
    expect(variants[0]).toMatchObject({ id: 'as-sent', stringToSign: signed.base.baseString, signatureBase64: signed.signature });
  });

  it("'+' for a space and double encoding change only the encoded values", () => {
    const { signed, variants } = oauthVariants();
    const plus = variants.find((v) => v.id === 'encoding.plus-for-space');
    expect(plus?.stringToSign).toBe(signed.base.baseString.replace('Countersign%2520sample%2520order', 'Countersign%2Bsample%2Border'));
    expect(variants.find((v) => v.id === 'encoding.double')?.stringToSign).toContain('Countersign%252520sample%252520order');
  });

  it('counting the oauth_* parameters twice repeats each in the base string', () => {
    const twice = oauthVariants().variants.find((v) => v.id === 'parameters.oauth-twice');
    expect(twice?.stringToSign.match(/oauth_nonce%3Df1x3dn0nce/g)).toHaveLength(2);
  });

  it("the key shapes: without '&', and the other environment's value, named but never shown", () => {
    const { signed, variants } = oauthVariants();
    const noAmp = variants.find((v) => v.id === 'key.no-ampersand');
    expect(noAmp?.signatureBase64).toBe(createHmac('sha1', CONTROL_KEY).update(signed.base.baseString).digest('base64'));
    const uat = variants.find((v) => v.id === 'key.alternative-1');
    expect(uat).toMatchObject({ cause: 'key_differs', key: "the UAT value of elecsnet.control_key + '&'" });
    expect(uat?.signatureBase64).toBe(createHmac('sha1', `${UAT_KEY}&`).update(signed.base.baseString).digest('base64'));
    expect(JSON.stringify(variants)).not.toContain(CONTROL_KEY);
    expect(JSON.stringify(variants)).not.toContain(UAT_KEY);
  });

  it('Unicode normalisation is tried only when it changes something', () => {
    expect(oauthVariants().variants.some((v) => v.id === 'encoding.nfd')).toBe(false);
    const accented: SigningRequest = { ...REQUEST, body: { kind: 'form', pairs: [{ name: 'order_desc', value: 'Caf\u00e9' }] } };
    const signed = signOAuth1(accented, CONFIG, CTX);
    const oauth = signed.base.params.filter((p) => p.source === 'oauth').map((p) => ({ name: p.name, value: p.value }));
    const nfd = oauth1SignatureVariants({ request: accented, config: CONFIG, oauth, keyLabel: 'k' }).find((v) => v.id === 'encoding.nfd');
    expect(nfd?.stringToSign).toContain('Cafe%25CC%2581');
  });
});

describe('PayNet X-Signature variants', () => {
  const variants = paynetSignatureVariants({ timestamp: '1764763200', timestampMs: 1_764_763_200_456, clientSecret: 'paynet-secret-value', clientId: 'osp-client', keyLabel: 'paynet.client_secret (UAT)' });
  const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

  it('the timestamp in milliseconds, exact or rounded, and ISO', () => {
    expect(variants.find((v) => v.id === 'paynet.timestamp-ms')).toMatchObject({ stringToSign: '1764763200000', signatureHex: hmac('paynet-secret-value', '1764763200000'), cause: 'wrong_input' });
    expect(variants.find((v) => v.id === 'paynet.timestamp-ms-exact')?.stringToSign).toBe('1764763200456');
    expect(variants.find((v) => v.id === 'paynet.timestamp-iso')?.stringToSign).toBe('2025-12-03T12:00:00.000Z');
  });

  it('the client id as key is described by its length only', () => {
    const v = variants.find((x) => x.id === 'paynet.client-id-key');
    expect(v).toMatchObject({ signatureHex: hmac('osp-client', '1764763200'), key: 'the client id (10 chars)' });
    expect(JSON.stringify(variants)).not.toContain('paynet-secret-value');
  });
});

describe('field HMAC (CENTAGATE) variants', () => {
  const config: HmacFields = { type: 'hmac-fields', key: 'centagate-secret-key', algorithm: 'sha256', encoding: 'hex', parts: [...CENTAGATE_CODE_SAMPLE_ORDER], output: { in: 'body', field: 'hmac' }, timestampField: 'unixTimestamp' };
  const body = { username: 'u', devAccId: 'd', otp: '123456', challenge: 'c', details: 'x', integrationKey: 'ik', unixTimestamp: '1764763200', ipAddress: '203.0.113.7', userAgent: 'UA' };

  it("the parameter table's order puts userAgent before integrationKey and ipAddress last", () => {
    const other = fieldSignatureVariants({ config, body, keyLabel: 'k' }).find((v) => v.id === 'fields.other-order');
    expect(other?.stringToSign).toBe('udcode'.replace('code', '123456cx') + 'UA' + 'ik' + '1764763200' + '203.0.113.7');
  });

  it('absent optional fields as "null", and the timestamp in ms', () => {
    const variants = fieldSignatureVariants({ config, body, keyLabel: 'k' });
    expect(variants.find((v) => v.id === 'fields.absent-null')?.stringToSign).toBe('ud123456cxnullik1764763200null203.0.113.7UAnull');
    expect(variants.find((v) => v.id === 'fields.timestamp-ms')?.stringToSign).toContain('1764763200000');
  });
});
