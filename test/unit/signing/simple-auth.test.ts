import { describe, expect, it } from 'vitest';
import { AuthChain } from '../../../main/contract/auth.ts';
import { applyApiKey } from '../../../main/signing/schemes/api-key.ts';
import { applyBasic } from '../../../main/signing/schemes/basic.ts';
import { applyBearer } from '../../../main/signing/schemes/bearer.ts';
import { get, header } from './helpers.ts';

describe('API key, Basic, Bearer', () => {
  it('an API key goes into a header, replacing one of the same name', () => {
    const request = { ...get('https://x.example/a'), headers: [{ name: 'x-api-key', value: 'old' }] };
    const { request: signed } = applyApiKey(request, { type: 'api-key', in: 'header', name: 'X-Api-Key', value: 'k1' });
    expect(signed.headers).toEqual([{ name: 'X-Api-Key', value: 'k1' }]);
  });

  it('an API key in the query is encoded and appended, keeping the existing query and fragment', () => {
    const { request } = applyApiKey(get('https://x.example/a?b=1#frag'), { type: 'api-key', in: 'query', name: 'api key', value: 'a&b' });
    expect(request.url).toBe('https://x.example/a?b=1&api%20key=a%26b#frag');
  });

  it('Basic is base64 of user:password in UTF-8; Bearer carries the token', () => {
    const basic = applyBasic(get('https://x.example/'), { type: 'basic', username: 'ü', password: 'p:w' });
    expect(header(basic.request, 'Authorization')).toBe(`Basic ${Buffer.from('ü:p:w', 'utf8').toString('base64')}`);
    const bearer = applyBearer(get('https://x.example/'), { type: 'bearer', token: 'tok' });
    expect(header(bearer.request, 'Authorization')).toBe('Bearer tok');
  });
});

describe('auth contract schemas', () => {
  it('fill defaults and refuse unknown schemes and fields', () => {
    const parsed = AuthChain.parse([
      { type: 'oauth2-client-credentials', tokenUrl: 'https://t', clientId: 'c', clientSecret: '{{secret:s}}' },
      { type: 'paynet-signature', clientSecret: '{{secret:s}}' },
    ]);
    expect(parsed[0]).toMatchObject({ clientAuth: 'body' });
    expect(AuthChain.safeParse([{ type: 'digest' }]).success).toBe(false);
    expect(AuthChain.safeParse([{ type: 'bearer', token: 't', extra: 1 }]).success).toBe(false);
  });
});
