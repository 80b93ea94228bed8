import { describe, expect, it } from 'vitest';
import { sandboxEndpoints } from '../../../main/sandbox/endpoints.ts';
import { matchMounted, normalizeMount, parseMountArguments } from '../../../main/sandbox/mounts.ts';
import type { Route } from '../../../main/sandbox/http/router.ts';

const handler = () => undefined;
const momo: Route[] = [{ method: 'POST', pattern: /^\/collection\/token\/?$/, handler }];
const info: Route[] = [{ method: 'GET', pattern: /^\/sandbox\/?$/, handler }];

describe('gateway mounts', () => {
  it('serve a gateway under its prefix only, not at the root', () => {
    const groups = [
      { prefix: '', routes: info },
      { prefix: '/momo', routes: momo },
    ];
    expect(matchMounted(groups, 'POST', '/momo/collection/token/').kind).toBe('found');
    expect(matchMounted(groups, 'POST', '/collection/token/').kind).toBe('not-found');
    expect(matchMounted(groups, 'POST', '/momox/collection/token/').kind).toBe('not-found');
    expect(matchMounted(groups, 'GET', '/momo/collection/token/')).toEqual({ kind: 'wrong-method', allowed: ['POST'] });
    expect(matchMounted(groups, 'GET', '/sandbox').kind).toBe('found');
  });

  it('normalize prefixes and refuse what is not a plain path', () => {
    expect(normalizeMount('momo/')).toBe('/momo');
    expect(normalizeMount('/osp/v2')).toBe('/osp/v2');
    expect(normalizeMount('/')).toBe('');
    expect(() => normalizeMount('/a b')).toThrow(/plain path/);
    expect(() => normalizeMount('/../x')).toThrow(/plain path/);
    expect(parseMountArguments(['paynet=/osp/v2', 'momo=momo'])).toEqual({ paynet: '/osp/v2', momo: '/momo' });
    expect(() => parseMountArguments(['bank=/x'])).toThrow(/gateway among/);
  });

  it('give the endpoints under their prefixes', () => {
    const endpoints = sandboxEndpoints('https://127.0.0.1:9/', { momo: '/momo', paynet: '/osp/v2' });
    expect(endpoints.momo).toBe('https://127.0.0.1:9/momo');
    expect(endpoints.paynet).toBe('https://127.0.0.1:9/osp/v2/osp');
    expect(endpoints.centagate).toBe('https://127.0.0.1:9/v2/CentagateWS/webresources');
  });
});
