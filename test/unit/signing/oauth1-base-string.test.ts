import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBaseString, buildEncodedBaseString } from '../../../main/signing/oauth1-base-string.ts';
import { percentEncode } from '../../../main/signing/percent-encode.ts';
import type { FormPair } from '../../../main/signing/types.ts';

const oauth = (timestamp: string, nonce: string): FormPair[] => [
  { name: 'oauth_consumer_key', value: 'key' },
  { name: 'oauth_timestamp', value: timestamp },
  { name: 'oauth_nonce', value: nonce },
];

const awkward = fc.constantFrom(' ', '~', '*', '!', "'", '+', '&', '=', '%', '%25', '/', 'é', '😀', '');
const text = fc.array(fc.oneof(awkward, fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join(''));

describe('OAuth 1.0a base string (RFC 5849 3.4.1)', () => {
  it('its third part is exactly the normalized parameters percent-encoded again, for any names and values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), text, (pairs, query) => {
        const url = `https://h.example/p?q=${encodeURIComponent(query)}`;
        const body = { kind: 'form' as const, pairs: pairs.map(([name, value]) => ({ name, value })) };
        const built = buildBaseString('post', url, body, oauth('1', 'n'));
        expect(built.baseString).toBe(`POST&${percentEncode('https://h.example/p')}&${percentEncode(built.normalizedParams)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('each send of the same URL gets its own timestamp and nonce in the base string', () => {
    const url = 'https://h.example/pay?mode=test';
    const first = buildEncodedBaseString('GET', url, { kind: 'none' }, oauth('1700000001', 'aaa'));
    const second = buildEncodedBaseString('GET', url, { kind: 'none' }, oauth('1700000002', 'bbb'));
    expect(first.baseString).toContain('oauth_timestamp%3D1700000001');
    expect(second.baseString).toContain('oauth_timestamp%3D1700000002');
    expect(second.baseString).toContain('oauth_nonce%3Dbbb');
    expect(second.baseString).not.toContain('aaa');
  });

  it('URLs that differ only in the query keep their own query values, also after many other URLs', () => {
    const signed = (url: string) => buildBaseString('GET', url, { kind: 'none' }, oauth('1', 'n')).baseString;
    const a = signed('https://h.example/r?date=2026-01-01');
    expect(signed('https://h.example/r?date=2026-01-02')).toContain('date%3D2026-01-02');
    for (let i = 0; i < 100; i++) expect(signed(`https://h.example/r?i=${i}`)).toContain(`i%3D${i}%26`);
    expect(signed('https://h.example/r?date=2026-01-01')).toBe(a);
    expect(a).toContain('date%3D2026-01-01');
  });

  it('lists each parameter with where it came from, in the order collected', () => {
    const built = buildBaseString('POST', 'https://h.example/p?b=2&a=1', { kind: 'form', pairs: [{ name: 'c', value: '3' }] }, oauth('9', 'x'));
    expect(built.params.map((p) => `${p.source}:${p.name}=${p.value}`)).toEqual([
      'query:b=2',
      'query:a=1',
      'body:c=3',
      'oauth:oauth_consumer_key=key',
      'oauth:oauth_timestamp=9',
      'oauth:oauth_nonce=x',
    ]);
    expect(built.normalizedParams).toBe('a=1&b=2&c=3&oauth_consumer_key=key&oauth_nonce=x&oauth_timestamp=9');
  });
});
