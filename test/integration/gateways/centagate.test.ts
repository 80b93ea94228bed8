import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { centagatePreset } from '../../../main/signing/index.ts';
import { bodyText, gatewayHarness, status } from './support.ts';

const { secretKey, integrationKey, username, devAccId } = SANDBOX_CREDENTIALS.centagate;

const body = JSON.stringify({
  username,
  devAccId,
  otp: '123456',
  challenge: 'c-0001',
  details: Buffer.from('Pay 10.00 to Sandbox Shop').toString('base64'),
  integrationKey,
  unixTimestamp: '',
  transactionValue: '10.00',
  // Optional fields with values: with all of them empty the two orders give the same string.
  userAgent: 'Countersign-Test/1.0',
  ipAddress: '127.0.0.1',
  isTransaction: '1',
});

describe('CENTAGATE authQRCode through signer, executor and sandbox', () => {
  const gateway = gatewayHarness({ secret_key: secretKey });
  const request = { method: 'POST', url: '{{baseUrl}}/v2/CentagateWS/webresources/auth/authQRCode', headers: [], body: { kind: 'json' as const, text: body } };

  it('is accepted with the code-sample order, the timestamp filled in', async () => {
    const result = await gateway.send(request, [centagatePreset('{{secret:secret_key}}', 'code-sample')]);
    expect(status(result)).toBe(200);
    expect(JSON.parse(bodyText(result))).toMatchObject({ code: '0' });
    const concatenated = JSON.stringify(result.traces);
    expect(concatenated).toContain(`${username}${devAccId}123456`);
    expect(concatenated).not.toContain(secretKey);
  });

  it('is refused with the parameter-table order, and the sandbox quotes the string it expected', async () => {
    const result = await gateway.send(request, [centagatePreset('{{secret:secret_key}}', 'parameter-table')]);
    const answer = JSON.parse(bodyText(result)) as { code: string; message: string };
    expect(answer.code).toBe('10004');
    expect(answer.message).toContain(`${username}${devAccId}123456`);
  });
});
