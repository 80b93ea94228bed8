import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions, RedirectHopRequest } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { startHttp } from './support/servers.ts';
import type { Running } from './support/servers.ts';

let a: Running;
let b: Running;
const hitsOnB: string[] = [];

beforeAll(async () => {
  b = await startHttp((req, res) => {
    hitsOnB.push(req.url ?? '');
    res.end('on b');
  });
  a = await startHttp((req, res) => {
    if (req.url === '/same') res.writeHead(302, { location: '/landing' }).end();
    else if (req.url === '/to-b') res.writeHead(302, { location: b.url('/landing?x=1') }).end('moving');
    else res.end('on a');
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-redirect-');
  hitsOnB.length = 0;
});
afterEach(() => dir.remove());

const VARIANTS = [
  { variant: 'a preview', save: false, deps: {} },
  { variant: 'a save over undici', save: true, deps: { directSaves: false } },
  { variant: 'a save over the direct reader', save: true, deps: {} },
] as const;

describe.each(VARIANTS)('beforeRedirect, $variant', ({ save, deps }) => {
  const saving = (): ExecuteOptions => (save ? { save: { directory: dir.path } } : {});

  it('a refused hop is never sent: the send fails with the policy message', async () => {
    const seen: RedirectHopRequest[] = [];
    const result = await executeRequest(
      { method: 'GET', url: a.url('/to-b'), headers: [['Authorization', 'Bearer t'], ['X-Api-Key', 'k'], ['Accept', 'text/plain']] },
      {
        ...saving(),
        sensitiveHeaders: ['x-api-key'],
        beforeRedirect: (hop) => {
          seen.push(hop);
          return 'The secret "psp-key" is bound to 127.0.0.1 and may not follow a redirect to another host.';
        },
      },
      testDeps(deps),
    );
    expect(result).toEqual({
      ok: false,
      error: { kind: 'redirect-refused', message: 'The secret "psp-key" is bound to 127.0.0.1 and may not follow a redirect to another host.' },
      redirects: [],
    });
    expect(hitsOnB).toEqual([]);
    // What the policy was asked about: the real hop, with the headers that would have gone on.
    expect(seen).toEqual([
      { from: a.url('/to-b'), to: b.url('/landing?x=1'), method: 'GET', forwardsBody: false, forwardsHeaders: ['accept'] },
    ]);
    if (save) expect(await readdir(dir.path)).toEqual([]);
  });

  it('a hop the policy allows (null) is followed as before', async () => {
    const seen: RedirectHopRequest[] = [];
    const result = await executeRequest(
      { method: 'GET', url: a.url('/same'), headers: [['Authorization', 'Bearer t']] },
      { ...saving(), beforeRedirect: (hop) => (seen.push(hop), null) },
      testDeps(deps),
    );
    expect(result.ok && result.response.preview.data).toBe('on a');
    expect(result.ok && result.response.redirects).toEqual([{ status: 302, from: a.url('/same'), location: a.url('/landing') }]);
    // Same origin: the credential header goes on, and the policy is told so.
    expect(seen).toEqual([{ from: a.url('/same'), to: a.url('/landing'), method: 'GET', forwardsBody: false, forwardsHeaders: ['authorization'] }]);
  });
});

describe('beforeRedirect after earlier hops', () => {
  it('keeps the hops already followed in the failed outcome, and an empty message still refuses', async () => {
    const result = await executeRequest(
      { method: 'GET', url: a.url('/same'), headers: [] },
      { beforeRedirect: () => '' },
      testDeps(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('redirect-refused');
    expect(result.error.message).toBe(`The redirect to ${a.url('/landing')} was refused.`);
  });
});
