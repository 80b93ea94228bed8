import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBaseString, buildEncodedBaseString, isUrlKept } from '../../../main/signing/oauth1-base-string.ts';
import { percentEncode } from '../../../main/signing/percent-encode.ts';
import type { OAuth1 } from '../../../main/contract/auth.ts';
import type { ApplyContext } from '../../../main/signing/schemes/define.ts';
import { SCHEMES } from '../../../main/signing/schemes/index.ts';
import { signOAuth1 } from '../../../main/signing/schemes/oauth1.ts';
import { TokenCache } from '../../../main/signing/token-cache.ts';
import type { FormPair, SchemeResult, SigningRequest } from '../../../main/signing/types.ts';
import { fixedClock, fixedContext } from './helpers.ts';

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
    const first = buildEncodedBaseString('GET', url, { kind: 'none' }, oauth('1700000001', 'aaa'), true);
    const second = buildEncodedBaseString('GET', url, { kind: 'none' }, oauth('1700000002', 'bbb'), true);
    expect(isUrlKept(url)).toBe(true);
    expect(first.baseString).toContain('oauth_timestamp%3D1700000001');
    expect(second.baseString).toContain('oauth_timestamp%3D1700000002');
    expect(second.baseString).toContain('oauth_nonce%3Dbbb');
    expect(second.baseString).not.toContain('aaa');
  });

  it('URLs that differ only in the query keep their own query values, also after many other URLs', () => {
    const signed = (url: string) => buildEncodedBaseString('GET', url, { kind: 'none' }, oauth('1', 'n'), true).baseString;
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

  it('a send keeps a URL\'s parse only when the URL holds none of its secrets; the debugger keeps none', () => {
    const request = (url: string): SigningRequest => ({ method: 'GET', url, headers: [], body: { kind: 'none' } });
    const config: OAuth1 = { type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'k', consumerSecret: 'consumer-secret', includeVersion: true, oauthParamsInBody: false };
    const ctx = (secrets: string[]): ApplyContext => ({
      ...fixedContext(),
      environment: 'uat',
      tokens: new TokenCache(fixedClock(0)),
      fetchToken: () => Promise.reject(new Error('no token call')),
      knownSecrets: () => secrets,
      carriesToken: () => undefined,
    });
    const plain = 'https://h.example/kept?date=2026-01-01';
    void SCHEMES.oauth1.apply(request(plain), config, ctx(['vault-value-123']));
    expect(isUrlKept(plain)).toBe(true);

    const withKey = 'https://h.example/r?api_key=vault-value-123';
    const withEncodedKey = 'https://h.example/r?api_key=a%20b%2Fc-secret';
    const signed = SCHEMES.oauth1.apply(request(withKey), config, ctx(['vault-value-123'])) as SchemeResult;
    void SCHEMES.oauth1.apply(request(withEncodedKey), config, ctx(['a b/c-secret']));
    expect(isUrlKept(withKey)).toBe(false);
    expect(isUrlKept(withEncodedKey)).toBe(false);
    expect(signed.comparable?.kind === 'oauth1' && signed.comparable.base.baseString).toContain('api_key%3Dvault-value-123');

    const debuggerUrl = 'https://h.example/debugger-only';
    signOAuth1(request(debuggerUrl), config, fixedContext());
    expect(isUrlKept(debuggerUrl)).toBe(false);
  });
});
