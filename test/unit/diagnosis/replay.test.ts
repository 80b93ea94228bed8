import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replayChain } from '../../../main/diagnosis/replay.ts';

const clock = { now: () => 1_700_000_000_000 };
const nonces = { nonce: () => 'n0nce', uuid: () => '00000000-0000-4000-8000-000000000000', randomInt: () => 7 };
const SECRET = 'secret_abcdefghijklmnop';
const secrets = { get: (_env: string, name: string) => (name === 's' ? Promise.resolve(SECRET) : Promise.reject(new Error('no such secret'))) };
const request = { method: 'GET', url: 'https://api.example/reports?date={{date}}', headers: [], body: { kind: 'none' as const } };
const environment = { name: 'uat', variables: { date: '2026-11-23' } };

describe('replaying a chain for the diagnosis (through the scheme registry)', () => {
  it('re-signs OAuth 2.0 + PayNet without any token call and keeps PayNet as the signing step, its trace redacted', async () => {
    const replayed = await replayChain(
      {
        request,
        auth: [
          { type: 'oauth2-client-credentials', tokenUrl: 'https://t.example/token', clientId: 'client-7', clientSecret: '{{secret:s}}', clientAuth: 'body' },
          { type: 'paynet-signature', clientSecret: '{{secret:s}}' },
        ],
        environment,
      },
      { clock, nonces, secrets },
    );
    expect(replayed.clientId).toBe('client-7');
    expect(replayed.signing?.kind).toBe('paynet');
    const signed = replayed.signing?.result.request.headers ?? [];
    const expected = createHmac('sha256', SECRET).update('1700000000').digest('hex');
    expect(signed.find((h) => h.name === 'X-Signature')?.value).toBe(expected);
    // The OAuth 2.0 step ran first (its stand-in bearer is on the request the PayNet step signed).
    expect(replayed.signing?.before.headers.find((h) => h.name === 'Authorization')?.value).toMatch(/^Bearer /);
    expect(replayed.redactor.redactText(`key ${SECRET}`)).not.toContain(SECRET);
  });

  it('takes the last signing step of the chain, and none for a chain of keys only', async () => {
    const oauth1 = await replayChain(
      {
        request,
        auth: [
          { type: 'hmac-fields', key: '{{secret:s}}', algorithm: 'sha256', encoding: 'hex', parts: [{ kind: 'literal', value: 'x' }], output: { in: 'header', name: 'X-Sig' } },
          { type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'ck', consumerSecret: '{{secret:s}}', includeVersion: true, oauthParamsInBody: false },
        ],
        environment,
      },
      { clock, nonces, secrets },
    );
    expect(oauth1.signing?.kind).toBe('oauth1');

    const keys = await replayChain(
      { request, auth: [{ type: 'basic', username: 'user', password: '{{secret:s}}' }, { type: 'api-key', in: 'header', name: 'X-Key', value: 'typed-in-key-123' }], environment },
      { clock, nonces, secrets },
    );
    expect(keys.signing).toBeNull();
    // Typed-in values and the Basic pair's encoded form are secrets too.
    const basic = Buffer.from(`user:${SECRET}`).toString('base64');
    expect(keys.redactor.redactText(`${basic} typed-in-key-123`)).not.toMatch(/typed-in-key-123|c2VjcmV0/);
  });
});
