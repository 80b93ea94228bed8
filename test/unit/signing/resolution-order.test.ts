import { describe, expect, it } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import { UnknownVariableError } from '../../../main/signing/errors.ts';
import { resolveAuthStep, resolveRequest } from '../../../main/signing/resolve-templates.ts';
import { signRequest } from '../../../main/signing/sign-request.ts';
import { parseTemplate } from '../../../main/signing/template.ts';
import { TokenCache } from '../../../main/signing/token-cache.ts';
import { checkUrl } from '../../../main/signing/url.ts';
import { countingNonces, fixedClock, get, header, recordingResolver } from './helpers.ts';

/** A resolver over a vault holding only `vault`, recording every read in order. */
function vaultResolver(vault: Record<string, string>, variables: Record<string, string> = {}) {
  const { r, asked } = recordingResolver(variables, vault);
  return { resolver: r, asked };
}

describe('templates are resolved in order, each secret read once per send', () => {
  it('reads secrets in the order the request names them (headers, URL, body), once each', async () => {
    const { resolver, asked } = vaultResolver({ a: 'secret-a-123', b: 'secret-b-123', c: 'secret-c-123' }, { host: 'h.example' });
    const request = await resolveRequest(
      {
        method: 'POST',
        url: 'https://{{host}}/x?k={{secret:b}}',
        headers: [{ name: 'X-A', value: '{{ secret:a }}' }],
        body: { kind: 'form', pairs: [{ name: 'c', value: '{{secret:c}}-{{secret:a}}' }] },
      },
      resolver,
    );
    expect(asked).toEqual(['uat/a', 'uat/b', 'uat/c']);
    expect(request.url).toBe('https://h.example/x?k=secret-b-123');
    expect(header(request, 'X-A')).toBe('secret-a-123');
    expect(request.body).toEqual({ kind: 'form', pairs: [{ name: 'c', value: 'secret-c-123-secret-a-123' }] });
  });

  it('a request without secrets resolves without waiting, drawing each dynamic value once per occurrence', () => {
    const { resolver, asked } = vaultResolver({}, { id: '42' });
    const request = resolveRequest(get('https://h.example/{{id}}?n={{$nonce}}&m={{$nonce}}'), resolver);
    expect(request).not.toBeInstanceOf(Promise);
    expect((request as { url: string }).url).toBe('https://h.example/42?n=nonce-1&m=nonce-2');
    expect(asked).toEqual([]);
  });

  it('a secret the vault lacks is reported where it is used: an unknown variable before it still comes first', async () => {
    const { resolver } = vaultResolver({});
    await expect(Promise.resolve(resolveRequest(get('https://{{host}}/?k={{secret:gone}}'), resolver))).rejects.toThrow(/\{\{host\}\}/);
    const again = vaultResolver({}, { host: 'h.example' });
    const failed = Promise.resolve(resolveRequest(get('https://{{host}}/?k={{secret:gone}}'), again.resolver));
    await expect(failed).rejects.toThrow(UnknownVariableError);
    await expect(failed).rejects.toThrow(/secret:gone.*"uat"/);
  });

  it('a later step reuses a secret an earlier one read, without asking the vault again', async () => {
    const { resolver, asked } = vaultResolver({ s: 'client-secret-1' });
    const step: AuthStep = { type: 'paynet-signature', clientSecret: '{{secret:s}}' };
    expect(await resolveAuthStep(step, resolver, 'uat')).toEqual({ type: 'paynet-signature', clientSecret: 'client-secret-1' });
    const second = resolveAuthStep(step, resolver, 'uat');
    expect(second).not.toBeInstanceOf(Promise);
    expect(second).toEqual({ type: 'paynet-signature', clientSecret: 'client-secret-1' });
    expect(asked).toEqual(['uat/s']);
  });

  it('a parsed template keeps its text around each name, whitespace inside the braces trimmed', () => {
    expect(parseTemplate('a{{ x }}b{{secret: k }}{{$uuid}}')).toEqual({ literals: ['a', 'b', '', ''], names: ['x', 'secret: k', '$uuid'], secrets: ['k'] });
    expect(parseTemplate('no templates {single}')).toEqual({ literals: ['no templates {single}'], names: [], secrets: [] });
  });
});

describe('a cached token is applied without a fetch', () => {
  it('signs with the cached token, and fetches again once it is past its lifetime', async () => {
    const clock = fixedClock(1_700_000_000_000);
    const fetched: number[] = [];
    const deps = {
      clock,
      nonces: countingNonces(),
      secrets: { get: () => Promise.resolve('client-secret-1') },
      tokens: new TokenCache(clock),
      fetchToken: () => {
        fetched.push(clock.now());
        return Promise.resolve({ status: 200, body: JSON.stringify({ access_token: `token-number-${fetched.length}`, expires_in: 120 }) });
      },
    };
    const input = {
      request: get('https://api.example/x'),
      auth: [{ type: 'oauth2-client-credentials' as const, tokenUrl: 'https://t.example/token', clientId: 'c', clientSecret: '{{secret:s}}', clientAuth: 'body' as const }],
      environment: { name: 'uat', variables: {} },
    };
    expect(header((await signRequest(input, deps)).request, 'Authorization')).toBe('Bearer token-number-1');
    expect(header((await signRequest(input, deps)).request, 'Authorization')).toBe('Bearer token-number-1');
    expect(fetched).toHaveLength(1);
    // 120 s with a 60 s margin (at most half the life): usable for 60 s.
    clock.advance(61_000);
    expect(header((await signRequest(input, deps)).request, 'Authorization')).toBe('Bearer token-number-2');
    expect(fetched).toHaveLength(2);
  });
});

describe('the URL check', () => {
  it('gives the parsed URL for usual URLs and names what is wrong in unusual ones', () => {
    for (const url of ['https://api.example/a/b?c=d#e', 'http://127.0.0.1:8080', 'HTTPS://Host.Example:443/x', 'https://h.example/a%20b?q={x}']) {
      expect(checkUrl(url, 'The request URL').href).toBe(new URL(url).href);
    }
    expect(() => checkUrl('https://h.example:99999/x', 'The request URL')).toThrow(/is not a valid URL \(host "h\.example:99999"\)/);
    expect(() => checkUrl('https://h.example/x ', 'The request URL')).toThrow(/ends with a space/);
    expect(() => checkUrl('https://{{host}}/x', 'The request URL')).toThrow(/unresolved template in its host/);
  });
});
