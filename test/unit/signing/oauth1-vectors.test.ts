import { describe, expect, it } from 'vitest';
import type { OAuth1 } from '../../../main/contract/auth.ts';
import { signOAuth1 } from '../../../main/signing/schemes/oauth1.ts';
import type { SigningRequest } from '../../../main/signing/types.ts';
import { fixedContext, get, header } from './helpers.ts';

function hmacConfig(overrides: Partial<OAuth1>): OAuth1 {
  return {
    type: 'oauth1',
    signatureMethod: 'HMAC-SHA1',
    consumerKey: '',
    includeVersion: true,
    oauthParamsInBody: false,
    ...overrides,
  };
}

describe('OAuth 1.0a published vectors', () => {
  it('RFC 5849 section 1.2: the photos request base string and signature', () => {
    const result = signOAuth1(
      get('http://photos.example.net/photos?file=vacation.jpg&size=original'),
      hmacConfig({
        consumerKey: 'dpf43f3p2l4k3l03',
        consumerSecret: 'kd94hf93k423kf44',
        token: 'nnch734d00sl2jdk',
        tokenSecret: 'pfkkdhi9sl3r4s00',
        realm: 'Photos',
        timestamp: '137131202',
        nonce: 'chapoH',
        includeVersion: false,
      }),
      fixedContext(),
    );
    expect(result.base.baseString).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    );
    expect(result.signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
    const auth = header(result.request, 'Authorization') ?? '';
    expect(auth.startsWith('OAuth realm="Photos", ')).toBe(true);
    expect(auth).toContain('oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"');
  });

  it('RFC 5849 section 3.4.1: the base string of the example with query, form body, repeats and an empty value', () => {
    const request: SigningRequest = {
      method: 'POST',
      url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
      headers: [],
      body: { kind: 'form', pairs: [{ name: 'c2', value: '' }, { name: 'a3', value: '2 q' }] },
    };
    const result = signOAuth1(
      request,
      hmacConfig({
        consumerKey: '9djdj82h48djs9d2',
        consumerSecret: 'j49sk3j29djd',
        token: 'kkk9d7dh3k39sjv7',
        tokenSecret: 'dh893hdasih9',
        timestamp: '137131201',
        nonce: '7d8f3e4a',
        includeVersion: false,
      }),
      fixedContext(),
    );
    expect(result.base.baseString).toBe(
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('OAuth Core 1.0 Appendix A.5: the photos example with oauth_version', () => {
    const result = signOAuth1(
      get('http://photos.example.net/photos?file=vacation.jpg&size=original'),
      hmacConfig({
        consumerKey: 'dpf43f3p2l4k3l03',
        consumerSecret: 'kd94hf93k423kf44',
        token: 'nnch734d00sl2jdk',
        tokenSecret: 'pfkkdhi9sl3r4s00',
        timestamp: '1191242096',
        nonce: 'kllo9940pd9333jh',
      }),
      fixedContext(),
    );
    expect(result.base.baseString).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    );
    expect(result.signature).toBe('tR3+Ty81lMeYAr/Fid0kMTYa/WM=');
  });

  // Twitter's "Creating a signature" page: the same request under API 1 and API 1.1.
  it.each([
    ['https://api.twitter.com/1/statuses/update.json?include_entities=true', 'tnnArxj06cWHq44gCs1OSKk/jLY='],
    ['https://api.twitter.com/1.1/statuses/update.json?include_entities=true', 'hCtSmYh+iHYCEqBWrE7C7hYmtUk='],
  ])("Twitter's documented status update example (%s)", (url, expected) => {
    const request: SigningRequest = {
      method: 'POST',
      url,
      headers: [],
      body: { kind: 'form', pairs: [{ name: 'status', value: 'Hello Ladies + Gentlemen, a signed OAuth request!' }] },
    };
    const result = signOAuth1(
      request,
      hmacConfig({
        consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
        consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
        token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
        tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
        timestamp: '1318622958',
        nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
      }),
      fixedContext(),
    );
    expect(result.base.normalizedParams).toContain('status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21');
    expect(result.signature).toBe(expected);
  });

  it('uses the default port rule and lower-cases scheme and host in the base string URI', () => {
    const a = signOAuth1(get('HTTP://Example.COM:80/r%20v/X?id=123'), hmacConfig({ timestamp: '1', nonce: 'n' }), fixedContext());
    expect(a.base.baseUri).toBe('http://example.com/r%20v/X');
    const b = signOAuth1(get('https://www.example.net:8080/?q=1'), hmacConfig({ timestamp: '1', nonce: 'n' }), fixedContext());
    expect(b.base.baseUri).toBe('https://www.example.net:8080/');
  });
});
