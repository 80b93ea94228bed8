import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HmacFields } from '../../../main/contract/auth.ts';
import { centagatePreset, signHmacFields } from '../../../main/signing/schemes/hmac-fields.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { fixedContext, header } from './helpers.ts';

const SECRET = 'centagate-app-secret-123';

function post(body: Record<string, string>): SigningRequest {
  return {
    method: 'POST',
    url: 'https://centagate.example/v2/CentagateWS/webresources/auth/authQRCode',
    headers: [],
    body: { kind: 'json', text: JSON.stringify(body) },
  };
}

const allFields = {
  username: 'alice',
  devAccId: 'DEV1',
  otp: '123456',
  challenge: 'CH9',
  details: 'ZGV0YWlscw==',
  authToken: 'AT',
  integrationKey: 'IK',
  unixTimestamp: '1700000000',
  supportFido: 'false',
  ipAddress: '10.0.0.1',
  userAgent: 'UA',
  browserFp: 'FP',
  transactionValue: '12.50',
  isTransaction: '1',
};

function hmacHex(text: string): string {
  return createHmac('sha256', SECRET).update(text).digest('hex');
}

function bodyOf(request: SigningRequest): Record<string, unknown> {
  return request.body.kind === 'json' ? (JSON.parse(request.body.text) as Record<string, unknown>) : {};
}

function stringToSign(result: { trace: { steps: { label: string; value: string }[] } }): string | undefined {
  return result.trace.steps.find((s) => s.label === 'String to sign')?.value;
}

describe('HMAC over fields (CENTAGATE authQRCode)', () => {
  it('the preset follows the code samples: ... authToken, integrationKey, unixTimestamp, supportFido, ipAddress, userAgent, browserFp', () => {
    const result = signHmacFields(post(allFields), centagatePreset(SECRET), fixedContext());
    const expected = 'aliceDEV1123456CH9ZGV0YWlscw==ATIK1700000000false10.0.0.1UAFP';
    expect(stringToSign(result)).toBe(expected);
    expect(bodyOf(result.request).hmac).toBe(hmacHex(expected));
  });

  it('the parameter-table order: ... authToken, userAgent, integrationKey, supportFido, browserFp, unixTimestamp, ipAddress', () => {
    const result = signHmacFields(post(allFields), centagatePreset(SECRET, 'parameter-table'), fixedContext());
    const expected = 'aliceDEV1123456CH9ZGV0YWlscw==ATUAIKfalseFP170000000010.0.0.1';
    expect(stringToSign(result)).toBe(expected);
    expect(bodyOf(result.request).hmac).toBe(hmacHex(expected));
  });

  it('absent optional fields count as empty strings, and unixTimestamp is filled in from the clock', () => {
    const optional = new Set(['authToken', 'supportFido', 'ipAddress', 'userAgent', 'browserFp', 'unixTimestamp']);
    const required = Object.fromEntries(Object.entries(allFields).filter(([name]) => !optional.has(name)));
    const result = signHmacFields(post(required), centagatePreset(SECRET), fixedContext(1_712_345_678_900));
    const expected = 'aliceDEV1123456CH9ZGV0YWlscw==IK1712345678';
    expect(stringToSign(result)).toBe(expected);
    const body = bodyOf(result.request);
    expect(body.unixTimestamp).toBe('1712345678');
    expect(body.hmac).toBe(hmacHex(expected));
    expect(body.transactionValue).toBe('12.50');
    const parts = result.trace.steps.find((s) => s.label === 'Parts in order')?.value ?? '';
    expect(parts).toContain('authToken = ""  (absent: empty string)');
  });

  it('supports SHA-1 and SHA-512, base64, literals and a header as the output', () => {
    const config: HmacFields = {
      type: 'hmac-fields',
      key: SECRET,
      algorithm: 'sha512',
      encoding: 'base64',
      parts: [{ kind: 'field', name: 'username' }, { kind: 'literal', value: '|' }, { kind: 'variable', template: 'M-42' }],
      output: { in: 'header', name: 'X-Hmac' },
    };
    const result = signHmacFields(post({ username: 'bob' }), config, fixedContext());
    expect(header(result.request, 'X-Hmac')).toBe(createHmac('sha512', SECRET).update('bob|M-42').digest('base64'));
    const sha1 = signHmacFields(post({ username: 'bob' }), { ...config, algorithm: 'sha1', encoding: 'hex' }, fixedContext());
    expect(header(sha1.request, 'X-Hmac')).toBe(createHmac('sha1', SECRET).update('bob|M-42').digest('hex'));
  });

  it('never shows the secret key in the trace, only its shape', () => {
    const result = signHmacFields(post(allFields), centagatePreset(SECRET), fixedContext());
    expect(JSON.stringify(result.trace)).not.toContain(SECRET);
    expect(result.trace.steps.find((s) => s.label === 'Signing key')?.value).toBe(`secret key (${SECRET.length} chars)`);
  });

  it('sends the body as the user wrote it (whitespace, number spellings), with hmac added after the last field', () => {
    const text = `{\n  "username": "alice",\n  "otp": "123456",\n  "amount": 12.50\n}`;
    const result = signHmacFields({ ...post({}), body: { kind: 'json', text } }, centagatePreset(SECRET), fixedContext(1_712_345_678_900));
    const expected = hmacHex('alice1234561712345678');
    expect(result.request.body).toEqual({
      kind: 'json',
      text: `{\n  "username": "alice",\n  "otp": "123456",\n  "amount": 12.50,"unixTimestamp":"1712345678","hmac":"${expected}"\n}`,
    });
  });

  it('a body that already has an hmac field gets it replaced in place', () => {
    const text = '{ "hmac": "", "username": "alice", "unixTimestamp": "1" }';
    const result = signHmacFields({ ...post({}), body: { kind: 'json', text } }, centagatePreset(SECRET), fixedContext());
    const sent = result.request.body.kind === 'json' ? result.request.body.text : '';
    expect(sent).toBe(`{"hmac":"${hmacHex('alice1')}","username":"alice","unixTimestamp":"1"}`);
  });

  it('with the signature in a header, the body goes out byte for byte unless the timestamp was filled in', () => {
    const config: HmacFields = { ...centagatePreset(SECRET), output: { in: 'header', name: 'X-Hmac' } };
    const text = '{ "username" : "alice", "unixTimestamp": "1700000000" }';
    const kept = signHmacFields({ ...post({}), body: { kind: 'json', text } }, config, fixedContext());
    expect(kept.request.body).toEqual({ kind: 'json', text });
    expect(header(kept.request, 'X-Hmac')).toBe(hmacHex('alice1700000000'));
    const filled = signHmacFields({ ...post({}), body: { kind: 'json', text: '{ "username" : "alice" }' } }, config, fixedContext(1_712_345_678_900));
    expect(filled.request.body).toEqual({ kind: 'json', text: '{ "username" : "alice","unixTimestamp":"1712345678" }' });
  });

  it('refuses a body that is not a JSON object', () => {
    const request: SigningRequest = { ...post({}), body: { kind: 'json', text: '[1,2]' } };
    expect(() => signHmacFields(request, centagatePreset(SECRET), fixedContext())).toThrow(/JSON object/);
  });
});
