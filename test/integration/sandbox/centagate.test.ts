import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startSandbox } from '../../../main/sandbox/index.ts';
import { hmacSha256Hex } from './support/sign.ts';
import { FIXED_NOW_MS, FIXED_NOW_SECONDS, useSandbox } from './support/sandbox-fixture.ts';

const { integrationKey, secretKey, username, devAccId } = SANDBOX_CREDENTIALS.centagate;
const sandbox = useSandbox();
const PATH = '/v2/CentagateWS/webresources/auth/authQRCode';

type Fields = Record<string, string>;
type Answer = { code: string; message: string; object: unknown };

function baseFields(overrides: Fields = {}): Fields {
  return {
    username,
    devAccId,
    otp: '123456',
    challenge: 'ch-7781',
    details: Buffer.from('Transfer MYR 10.00 to 1234').toString('base64'),
    authToken: 'prev-token',
    integrationKey,
    unixTimestamp: FIXED_NOW_SECONDS,
    supportFido: 'false',
    ipAddress: '10.0.0.7',
    userAgent: 'Countersign',
    browserFp: 'fp-1',
    transactionValue: '10.00',
    isTransaction: '1',
    ...overrides,
  };
}

// The two orders of seed 003, spelled out here independently of the sandbox.
const codeSampleText = (f: Fields) =>
  [f.username, f.devAccId, f.otp, f.challenge, f.details, f.authToken, f.integrationKey, f.unixTimestamp, f.supportFido, f.ipAddress, f.userAgent, f.browserFp].map((v) => v ?? '').join('');
const parameterTableText = (f: Fields) =>
  [f.username, f.devAccId, f.otp, f.challenge, f.details, f.authToken, f.userAgent, f.integrationKey, f.supportFido, f.browserFp, f.unixTimestamp, f.ipAddress].map((v) => v ?? '').join('');

async function post(baseUrl: string, body: Fields): Promise<Answer> {
  const response = await fetch(`${baseUrl}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

const signed = (fields: Fields, text: (f: Fields) => string = codeSampleText): Fields => ({ ...fields, hmac: hmacSha256Hex(secretKey, text(fields)) });

describe('CENTAGATE authQRCode', () => {
  it('accepts an HMAC over the code-sample order and answers code "0" with an object', async () => {
    const answer = await post(sandbox.current().url, signed(baseFields()));
    expect(answer.code).toBe('0');
    expect(answer.message).toBe('Success');
    expect(answer.object).toMatchObject({ username, transactionValue: '10.00' });
  });

  it('accepts an upper-case hex HMAC', async () => {
    const fields = signed(baseFields());
    const answer = await post(sandbox.current().url, { ...fields, hmac: (fields.hmac ?? '').toUpperCase() });
    expect(answer.code).toBe('0');
  });

  it('treats absent optional fields as empty strings', async () => {
    const fields = baseFields();
    delete fields.authToken;
    delete fields.supportFido;
    delete fields.ipAddress;
    delete fields.userAgent;
    delete fields.browserFp;
    const answer = await post(sandbox.current().url, signed(fields));
    expect(answer.code).toBe('0');
  });

  it('rejects the parameter-table order by default, showing the string it expected', async () => {
    const fields = baseFields();
    const answer = await post(sandbox.current().url, signed(fields, parameterTableText));
    expect(answer.code).toBe('10004');
    expect(answer.message).toContain(JSON.stringify(codeSampleText(fields)));
    expect(answer.message).toContain('code-sample');
    expect(answer.message).not.toContain(secretKey);
    expect(answer.object).toBeNull();
  });

  it('rejects an HMAC made with another key', async () => {
    const fields = baseFields();
    const answer = await post(sandbox.current().url, { ...fields, hmac: hmacSha256Hex('secretkey', codeSampleText(fields)) });
    expect(answer.code).toBe('10004');
  });

  it('rejects a field changed after signing', async () => {
    const fields = signed(baseFields());
    const answer = await post(sandbox.current().url, { ...fields, challenge: 'ch-9999' });
    expect(answer.code).toBe('10004');
  });

  it('can be configured to verify the parameter-table order instead', async () => {
    const other = await startSandbox({ clock: () => FIXED_NOW_MS, centagate: { hmacOrder: 'parameter-table' } });
    try {
      const fields = baseFields();
      expect((await post(other.url, signed(fields, parameterTableText))).code).toBe('0');
      expect((await post(other.url, signed(fields, codeSampleText))).code).toBe('10004');
    } finally {
      await other.close();
    }
  });

  it.each([
    ['a missing required field', { otp: '' }, '10001'],
    ['an unknown integration key', { integrationKey: 'someone-else' }, '10002'],
    ['a stale timestamp', { unixTimestamp: String(Number(FIXED_NOW_SECONDS) - 3600) }, '10003'],
    ['an unknown user', { username: 'mallory' }, '10005'],
    ['a non-numeric OTP', { otp: 'abcdef' }, '10006'],
    ['isTransaction other than "1"', { isTransaction: '0' }, '10007'],
  ])('rejects %s', async (_label, overrides, code) => {
    const answer = await post(sandbox.current().url, signed(baseFields(overrides)));
    expect(answer.code).toBe(code);
    expect(answer.message.length).toBeGreaterThan(0);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${sandbox.current().url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(response.status).toBe(400);
  });
});
