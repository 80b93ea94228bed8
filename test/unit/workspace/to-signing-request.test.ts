import { describe, expect, it } from 'vitest';
import type { RequestNode } from '../../../main/contract/workspace.ts';
import { toSigningRequest } from '../../../main/workspace/to-signing-request.ts';

const base: RequestNode = {
  kind: 'request',
  id: 'r',
  parentId: 'c',
  name: 'r',
  method: 'POST',
  url: '{{baseUrl}}/pay',
  params: [],
  headers: [],
  body: { kind: 'none' },
  auth: { mode: 'inherit' },
};

describe('toSigningRequest', () => {
  it('appends enabled params as written and drops unticked ones', () => {
    const request = toSigningRequest({
      ...base,
      params: [
        { name: 'a', value: '{{x}}', enabled: true },
        { name: 'skip', value: '1', enabled: false },
        { name: 'q', value: 'a%20b', enabled: true },
        { name: 'flag', value: '', enabled: true },
      ],
    });
    expect(request.url).toBe('{{baseUrl}}/pay?a={{x}}&q=a%20b&flag');
    expect(toSigningRequest({ ...base, url: 'https://x/p?z=1', params: [{ name: 'a', value: '1', enabled: true }] }).url).toBe('https://x/p?z=1&a=1');
  });

  it('keeps header order, drops unticked headers and adds a Content-Type matching the body', () => {
    const request = toSigningRequest({
      ...base,
      headers: [
        { name: 'X-B', value: '2', enabled: true },
        { name: 'X-Off', value: '0', enabled: false },
        { name: 'X-A', value: '1', enabled: true },
      ],
      body: { kind: 'form', pairs: [{ name: 'amount', value: '1', enabled: true }, { name: 'no', value: '2', enabled: false }] },
    });
    expect(request.headers).toEqual([
      { name: 'X-B', value: '2' },
      { name: 'X-A', value: '1' },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
    ]);
    expect(request.body).toEqual({ kind: 'form', pairs: [{ name: 'amount', value: '1' }] });
  });

  it('never overrides a Content-Type the user set, and uses the raw body type', () => {
    const own = toSigningRequest({ ...base, headers: [{ name: 'content-type', value: 'application/vnd.x+json', enabled: true }], body: { kind: 'json', text: '{}' } });
    expect(own.headers).toEqual([{ name: 'content-type', value: 'application/vnd.x+json' }]);
    const raw = toSigningRequest({ ...base, body: { kind: 'raw', text: '<a/>', contentType: 'application/xml' } });
    expect([raw.headers, raw.body]).toEqual([[{ name: 'Content-Type', value: 'application/xml' }], { kind: 'raw', text: '<a/>' }]);
    expect(toSigningRequest(base).headers).toEqual([]);
  });
});
