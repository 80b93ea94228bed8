import { describe, expect, it } from 'vitest';
import { SigningError } from '../../../main/signing/errors.ts';
import { checkUrl, joinUrl } from '../../../main/signing/url.ts';

describe('joinUrl: base URL + relative path keeps the base path', () => {
  // Every combination of a trailing slash on the base and a leading slash on the path gives one URL.
  const bases = ['https://host/momo', 'https://host/momo/'];
  const paths = ['collection/token/', '/collection/token/', '//collection/token/'];
  for (const base of bases) {
    for (const path of paths) {
      it(`${base} + ${path}`, () => {
        expect(joinUrl(base, path)).toBe('https://host/momo/collection/token/');
      });
    }
  }

  it('keeps a deeper prefix and the port', () => {
    expect(joinUrl('https://host:8443/osp/v2', '/token')).toBe('https://host:8443/osp/v2/token');
    expect(joinUrl('http://127.0.0.1:9000/osp/v2/', 'token')).toBe('http://127.0.0.1:9000/osp/v2/token');
  });

  it('a base at the root of its origin, with or without a slash', () => {
    expect(joinUrl('https://host', '/collection/token/')).toBe('https://host/collection/token/');
    expect(joinUrl('https://host/', 'collection/token/')).toBe('https://host/collection/token/');
  });

  it('keeps a query written in the path', () => {
    expect(joinUrl('https://host/momo', '/token?grant=x')).toBe('https://host/momo/token?grant=x');
  });

  it('an absolute URL stays as it is, whatever the base', () => {
    expect(joinUrl('https://host/momo', 'https://auth.example/other/token')).toBe('https://auth.example/other/token');
    expect(joinUrl('not a url', 'HTTP://Auth.example/t')).toBe('HTTP://Auth.example/t');
  });

  it('a bad base is named, not a parser failure', () => {
    expect(() => joinUrl('host/momo', '/token', 'The MoMo base URL')).toThrow(/The MoMo base URL "host\/momo" has no scheme/);
  });
});

describe('checkUrl: bad URLs are named before anything is sent', () => {
  const cases: [string, RegExp][] = [
    ['api.example.com/v1/pay', /has no scheme: write it with http:\/\/ or https:\/\/ in front \(e\.g\. https:\/\/api\.example\.com\/v1\/pay\)/],
    ['http://', /has no host after http:\/\//],
    ['http:/host/x', /needs two slashes after http: \(http:\/\/host\/\.\.\.\)/],
    ['https:host', /needs two slashes after https:/],
    ['https:///path', /has no host/],
    ['https://api.exa mple.com/v1', /has a space in its host "api\.exa mple\.com"/],
    ['https://{{host}}/v1', /unresolved template in its host/],
    ['ftp://host/file', /uses ftp:, not http: or https:/],
    ['', /is empty/],
    [' https://host/', /starts or ends with a space/],
    ['https://host:99999/', /is not a valid URL/],
  ];
  for (const [url, message] of cases) {
    it(JSON.stringify(url), () => {
      expect(() => checkUrl(url, 'The request URL')).toThrow(SigningError);
      expect(() => checkUrl(url, 'The request URL')).toThrow(message);
    });
  }

  it('accepts ordinary URLs, IPv6 and user info', () => {
    for (const url of ['https://host/a b?c=d e', 'http://[::1]:8080/x', 'https://user:pw@host/p']) expect(checkUrl(url, 'URL').href).toBeTruthy();
  });
});
