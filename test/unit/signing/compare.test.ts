import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OAuth1 } from '../../../main/contract/auth.ts';
import { compareOAuth1, compareStringToSign, normalizeSignature } from '../../../main/signing/compare.ts';
import { centagatePreset } from '../../../main/signing/schemes/hmac-fields.ts';
import { signOAuth1 } from '../../../main/signing/schemes/oauth1.ts';
import { signRequest } from '../../../main/signing/sign-request.ts';
import { TokenCache } from '../../../main/signing/token-cache.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { fixedContext } from './helpers.ts';

const request: SigningRequest = {
  method: 'POST',
  url: 'https://sandbox.gateway.example/paynet/api/v2/payout/123',
  headers: [],
  body: {
    kind: 'form',
    pairs: [
      { name: 'client_orderid', value: '12345' },
      { name: 'order_desc', value: 'hello there' },
    ],
  },
};
const config: OAuth1 = {
  type: 'oauth1',
  signatureMethod: 'HMAC-SHA1',
  consumerKey: 'merchantlogin',
  consumerSecret: 'F9F65098-1111-1111-1111-621611111111',
  realm: '',
  includeVersion: true,
  oauthParamsInBody: true,
  timestamp: '1513785920',
  nonce: 'EqINVv5rkhx',
};
const ours = signOAuth1(request, config, fixedContext());
const components = (report: ReturnType<typeof compareOAuth1>): string[] => report.differences.map((d) => d.component);

/** What another implementation would have produced with one thing done differently. */
function variant(change: Partial<OAuth1>, req: SigningRequest = request) {
  return signOAuth1(req, { ...config, ...change }, fixedContext());
}

describe('compare mode (OAuth 1.0a)', () => {
  it('reports a match for our own base string and signature, in base64, percent-encoded or hex', () => {
    const encoded = encodeURIComponent(ours.signature);
    const hex = Buffer.from(ours.signature, 'base64').toString('hex');
    for (const signature of [ours.signature, encoded, hex]) {
      expect(compareOAuth1(ours, { baseString: ours.base.baseString, signature }).matches).toBe(true);
    }
  });

  it('names the method and the URL when they differ', () => {
    const other = signOAuth1({ ...request, method: 'PUT', url: 'https://sandbox.gateway.example/paynet/api/v2/payout/123/' }, config, fixedContext());
    const report = compareOAuth1(ours, { baseString: other.base.baseString });
    expect(components(report)).toEqual(['method', 'URL']);
    expect(report.differences[1]?.hint).toMatch(/trailing slash/);
  });

  it('names a differing parameter, and says to reuse the nonce and timestamp', () => {
    const report = compareOAuth1(ours, { baseString: variant({ nonce: 'other' }).base.baseString });
    expect(components(report)).toEqual(['parameter oauth_nonce']);
    expect(report.differences[0]?.hint).toMatch(/nonce and timestamp/);
  });

  it('names a parameter the gateway did not sign (e.g. no oauth_version) and one it signed that we lack', () => {
    const withoutVersion = variant({ includeVersion: false });
    expect(components(compareOAuth1(ours, { baseString: withoutVersion.base.baseString }))).toEqual(['parameter oauth_version']);
    const extra = variant({}, { ...request, body: { kind: 'form', pairs: [...(request.body.kind === 'form' ? request.body.pairs : []), { name: 'amount', value: '10' }] } });
    const report = compareOAuth1(ours, { baseString: extra.base.baseString });
    expect(components(report)).toEqual(['parameter amount']);
    expect(report.differences[0]?.actual).toBe('(absent)');
  });

  it("spots an encoding difference: '+' for a space instead of %20", () => {
    const plus = ours.base.baseString.replace('hello%2520there', 'hello%2Bthere');
    const report = compareOAuth1(ours, { baseString: plus });
    expect(components(report)).toEqual(['encoding of order_desc']);
  });

  it('spots unsorted parameters', () => {
    const normalized = ours.base.normalizedParams.split('&').reverse().join('&');
    const unsorted = `POST&${encodeURIComponent(ours.base.baseUri)}&${encodeURIComponent(normalized)}`;
    expect(components(compareOAuth1(ours, { baseString: unsorted }))).toEqual(['parameter order']);
  });

  it('when the base strings match but the signature does not, blames the key', () => {
    const wrongKey = createHmac('sha1', 'F9F65098-1111-1111-1111-621611111111').update(ours.base.baseString).digest('base64');
    const report = compareOAuth1(ours, { baseString: ours.base.baseString, signature: wrongKey });
    expect(components(report)).toEqual(['signature']);
    expect(report.differences[0]?.hint).toMatch(/key differs/);
  });

  it('rejects something that is not a base string', () => {
    expect(components(compareOAuth1(ours, { baseString: 'amount=1&b=2' }))).toEqual(['base string format']);
  });

  it('normalizes a pasted signature', () => {
    expect(normalizeSignature(' "9bSeUoR5yJSSJ4KPhotT%2BofEHSQ%3D" ')).toBe('9bSeUoR5yJSSJ4KPhotT+ofEHSQ=');
    const pastedHeader = 'OAuth realm="",\noauth_version="1.0",\noauth_signature_method="HMAC-SHA1",\noauth_signature="9bSeUoR5yJSSJ4KPhotT%2BofEHSQ%3D"';
    expect(normalizeSignature(pastedHeader)).toBe('9bSeUoR5yJSSJ4KPhotT+ofEHSQ=');
  });
});

describe('compare mode (string to sign)', () => {
  it('names the part where two CENTAGATE strings first differ', () => {
    const parts = [
      { label: 'username', text: 'alice' },
      { label: 'devAccId', text: 'DEV1' },
      { label: 'otp', text: '123456' },
    ];
    const report = compareStringToSign('aliceDEV9123456', 'aliceDEV1123456', parts);
    expect(report.matches).toBe(false);
    expect(report.differences[0]?.component).toBe('part devAccId (character 9)');
    expect(compareStringToSign('same', 'same').matches).toBe(true);
  });
});

describe('compare mode through signRequest', () => {
  const deps = {
    clock: { now: () => 1_700_000_000_000 },
    nonces: { nonce: () => 'n', uuid: () => 'u', randomInt: () => 1 },
    secrets: { get: () => Promise.resolve('F9F65098-1111-1111-1111-621611111111') },
    tokens: new TokenCache({ now: () => 0 }),
    fetchToken: () => Promise.reject(new Error('no tokens here')),
  };

  it('Elecsnet debug form: the pasted hex signature matches when nonce and timestamp are reused', async () => {
    const signed = await signRequest(
      { request, auth: [{ ...config, consumerSecret: '{{secret:control_key}}' }], environment: { name: 'sandbox', variables: {} } },
      deps,
    );
    const hex = Buffer.from(ours.signature, 'base64').toString('hex');
    expect(signed.compare({ signature: hex }).matches).toBe(true);
    expect(signed.compare({ signature: 'AAAA' }).differences[0]?.component).toBe('signature');
  });

  it('CENTAGATE: a string to sign in the parameter-table order is located to the first differing part', async () => {
    const body = { username: 'alice', devAccId: 'D', otp: '1', challenge: 'C', details: 'X', authToken: 'T', integrationKey: 'K', unixTimestamp: '1700000000', userAgent: 'UA' };
    const signed = await signRequest(
      {
        request: { method: 'POST', url: 'https://c.example/auth', headers: [], body: { kind: 'json', text: JSON.stringify(body) } },
        auth: [centagatePreset('{{secret:k}}')],
        environment: { name: 'uat', variables: {} },
      },
      deps,
    );
    const tableOrder = 'aliceD1CXTUAK1700000000';
    const report = signed.compare({ baseString: tableOrder });
    expect(report.matches).toBe(false);
    expect(report.differences[0]?.component).toMatch(/^part integrationKey/);
    expect(report.differences[0]?.hint).toMatch(/parameter table order/);
    // Only the signature pasted: the other order, or Java's "null" for absent fields, is recognised.
    const key = 'F9F65098-1111-1111-1111-621611111111';
    const tableSignature = createHmac('sha256', key).update(tableOrder).digest('hex');
    expect(signed.compare({ signature: tableSignature }).differences[0]?.hint).toMatch(/parameter table order/);
    const withNulls = 'aliceD1CXTK1700000000nullnullUAnull';
    const nullSignature = createHmac('sha256', key).update(withNulls).digest('hex');
    expect(signed.compare({ signature: nullSignature }).differences[0]?.hint).toMatch(/"null"/);
    expect(signed.compare({ signature: createHmac('sha256', key).update('aliceD1CXTK1700000000UA').digest('hex') }).matches).toBe(true);
  });

  it('the report is redacted like the trace', async () => {
    const signed = await signRequest(
      { request, auth: [{ ...config, consumerSecret: '{{secret:control_key}}' }], environment: { name: 'sandbox', variables: {} } },
      deps,
    );
    const report = signed.compare({ baseString: 'POST&x&F9F65098-1111-1111-1111-621611111111' });
    expect(JSON.stringify(report)).not.toContain('F9F65098-1111-1111-1111-621611111111');
  });
});

describe('compare mode explains a pasted signature by common deviations', () => {
  const secret = 'F9F65098-1111-1111-1111-621611111111';
  const hmac = (key: string, text: string): string => createHmac('sha1', key).update(text).digest('base64');
  const hintFor = (signature: string): string | undefined => compareOAuth1(ours.comparable, { signature }).differences[0]?.hint;

  it("a key without the '&'", () => {
    expect(hintFor(hmac(secret, ours.base.baseString))).toMatch(/no '&' after the consumer secret/);
  });

  it('the form body left out, or oauth_version left out', () => {
    const noBody = ours.base.baseString.replace(/client_orderid%3D12345%26/, '').replace(/%26order_desc%3Dhello%2520there/, '');
    expect(hintFor(hmac(`${secret}&`, noBody))).toMatch(/form body parameters are left out/);
    const noVersion = ours.base.baseString.replace('%26oauth_version%3D1.0', '');
    expect(hintFor(hmac(`${secret}&`, noVersion))).toMatch(/oauth_version is left out/);
  });

  it('parameters encoded only once', () => {
    const once = `POST&${encodeURIComponent(ours.base.baseUri)}&${ours.base.normalizedParams}`;
    expect(hintFor(hmac(`${secret}&`, once))).toMatch(/encoded only once/);
  });

  it('says so when nothing common explains it', () => {
    expect(hintFor(hmac('other&', ours.base.baseString))).toMatch(/no common deviation/);
  });
});
