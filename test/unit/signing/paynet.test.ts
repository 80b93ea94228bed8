import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signPaynet } from '../../../main/signing/schemes/paynet-signature.ts';
import { fixture, hasOpenssl } from './fixtures.ts';
import { fixedClock, countingNonces, get, header } from './helpers.ts';

const vector = JSON.parse(fixture('paynet-x-signature.json')) as { timestamp: string; clientSecret: string; opensslHex: string };

function opensslHmacHex(secret: string, data: string): string {
  const out = spawnSync('openssl', ['dgst', '-sha256', '-hmac', secret], { input: data, encoding: 'utf8' });
  return out.stdout.trim().split('= ').pop() ?? '';
}

describe('PayNet X-Signature', () => {
  it('equals `openssl dgst -sha256 -hmac <client secret>` over the Unix-seconds timestamp (committed output)', () => {
    const ctx = { clock: fixedClock(Number(vector.timestamp) * 1000 + 999), nonces: countingNonces() };
    const result = signPaynet(get('https://api.reports.uat.inet.paynet.my/reports'), { type: 'paynet-signature', clientSecret: vector.clientSecret }, ctx);
    expect(header(result.request, 'X-Timestamp')).toBe(vector.timestamp);
    expect(header(result.request, 'X-Signature')).toBe(vector.opensslHex);
    const stringToSign = result.trace.steps.find((s) => s.label === 'String to sign');
    expect(stringToSign?.value).toBe(vector.timestamp);
    expect(JSON.stringify(result.trace)).not.toContain(vector.clientSecret);
  });

  it.runIf(hasOpenssl)('matches the openssl CLI live for other timestamps and secrets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000_000, max: 4_000_000_000 }),
        fc.stringMatching(/^[A-Za-z0-9_]{8,40}$/),
        (seconds, secret) => {
          const ctx = { clock: fixedClock(seconds * 1000), nonces: countingNonces() };
          const result = signPaynet(get('https://example.test/'), { type: 'paynet-signature', clientSecret: secret }, ctx);
          expect(header(result.request, 'X-Signature')).toBe(opensslHmacHex(secret, String(seconds)));
        },
      ),
      { numRuns: 10 },
    );
  });
});
