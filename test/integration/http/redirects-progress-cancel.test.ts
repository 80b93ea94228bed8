import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpProgress } from '../../../main/contract/http.ts';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { startHttp } from './support/servers.ts';
import type { Running } from './support/servers.ts';

let a: Running;
let b: Running;
const authSeenByB: (string | undefined)[] = [];

/** Writes `total` bytes in 64 KiB pieces with a pause between them, honouring back-pressure. */
function trickle(res: ServerResponse, total: number, pauseMs: number): void {
  const piece = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const next = (): void => {
    if (res.destroyed) return;
    if (sent >= total) {
      res.end();
      return;
    }
    const n = Math.min(piece.length, total - sent);
    sent += n;
    res.write(piece.subarray(0, n));
    setTimeout(next, pauseMs);
  };
  next();
}

beforeAll(async () => {
  b = await startHttp((req, res) => {
    authSeenByB.push(req.headers.authorization);
    res.end('on b');
  });
  a = await startHttp((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = Number(url.searchParams.get('n') ?? '0');
    switch (url.pathname) {
      case '/chain':
        if (hop < 3) res.writeHead(hop === 1 ? 301 : 302, { location: `/chain?n=${hop + 1}` }).end();
        else res.end(`done after ${hop}`);
        return;
      case '/loop':
        res.writeHead(307, { location: '/loop' }).end();
        return;
      case '/post':
        res.writeHead(307, { location: '/elsewhere' }).end('moved');
        return;
      case '/to-b':
        res.writeHead(302, { location: b.url('/landing') }).end();
        return;
      case '/slow':
        res.writeHead(200, { 'content-length': String(40 * 64 * 1024), 'content-disposition': 'attachment; filename="slow.bin"' });
        trickle(res, 40 * 64 * 1024, 15);
        return;
      default:
        res.end('ok');
    }
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

let dir: { path: string; remove: () => Promise<void> };

/**
 * GETs behave the same whichever path reads them: as a preview (undici), or
 * saved over undici or over the direct reader (main/http/direct).
 */
const VARIANTS = [
  { variant: 'a preview', save: false, deps: {} },
  { variant: 'a save over undici', save: true, deps: { directSaves: false } },
  { variant: 'a save over the direct reader', save: true, deps: {} },
] as const;
const saving = (save: boolean): ExecuteOptions => (save ? { save: { directory: dir.path } } : {});
beforeEach(async () => {
  dir = await makeTempDir('countersign-http-');
});
afterEach(() => dir.remove());

describe.each(VARIANTS)('redirects, $variant', ({ save, deps }) => {
  it('follows GET redirects and reports every hop', async () => {
    const result = await executeRequest({ method: 'GET', url: a.url('/chain'), headers: [] }, saving(save), testDeps(deps));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.preview.data).toBe('done after 3');
    expect(result.response.url).toBe(a.url('/chain?n=3'));
    expect(result.response.redirects).toEqual([
      { status: 302, from: a.url('/chain'), location: a.url('/chain?n=1') },
      { status: 301, from: a.url('/chain?n=1'), location: a.url('/chain?n=2') },
      { status: 302, from: a.url('/chain?n=2'), location: a.url('/chain?n=3') },
    ]);
    expect(result.response.pendingRedirect).toBeNull();
    if (save) expect(result.response.saved!.path).toBe(join(dir.path, 'chain'));
  });

  it('stops at the hop limit and hands the next location back', async () => {
    const result = await executeRequest({ method: 'GET', url: a.url('/loop'), headers: [] }, { ...saving(save), maxRedirects: 2 }, testDeps(deps));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(307);
    expect(result.response.redirects).toHaveLength(2);
    expect(result.response.pendingRedirect).toEqual({ location: a.url('/loop'), reason: 'max-hops' });
  });

  it('does not follow a redirect of a POST: returns it so the user can decide', async () => {
    const result = await executeRequest({ method: 'POST', url: a.url('/post'), headers: [], body: 'x=1' }, {}, testDeps());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(307);
    expect(result.response.redirects).toEqual([]);
    expect(result.response.pendingRedirect).toEqual({ location: a.url('/elsewhere'), reason: 'method-not-safe' });
  });

  it('drops Authorization and named sensitive headers when a redirect changes origin', async () => {
    authSeenByB.length = 0;
    const result = await executeRequest(
      { method: 'GET', url: a.url('/to-b'), headers: [['Authorization', 'Bearer secret-token'], ['X-Api-Key', 'k']] },
      { ...saving(save), sensitiveHeaders: ['x-api-key'] },
      testDeps(deps),
    );
    expect(result.ok && result.response.preview.data).toBe('on b');
    expect(authSeenByB).toEqual([undefined]);
  });
});

describe.each(VARIANTS)('progress, $variant', ({ save, deps }) => {
  it('reports progress at most about ten times a second, with total and rate', async () => {
    const events: { at: number; progress: HttpProgress }[] = [];
    const started = performance.now();
    const result = await executeRequest(
      { method: 'GET', url: a.url('/slow'), headers: [] },
      {
        requestId: 'req-1',
        ...(save ? saving(save) : { downloadsDir: dir.path }),
        onProgress: (progress) => events.push({ at: performance.now(), progress }),
      },
      testDeps(deps),
    );
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    // 40 pieces at least 15 ms apart: 600 ms or more, so several events, but
    // never more than one per 100 ms of the download (and far fewer than pieces).
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.length).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 1);
    expect(events.length).toBeLessThan(40);
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.at - events[i - 1]!.at).toBeGreaterThanOrEqual(99);
      expect(events[i]!.progress.bytes).toBeGreaterThan(events[i - 1]!.progress.bytes);
    }
    for (const { progress } of events) {
      expect(progress.requestId).toBe('req-1');
      expect(progress.total).toBe(40 * 64 * 1024);
      expect(progress.rate).toBeGreaterThan(0);
    }
  });
});

describe.each(VARIANTS.filter((v) => v.save))('cancel, $variant', ({ deps }) => {
  it('cancelling mid-download leaves no file under the final name and no temp file', async () => {
    const controller = new AbortController();
    let cancelledAt = 0;
    const result = await executeRequest(
      { method: 'GET', url: a.url('/slow'), headers: [] },
      {
        signal: controller.signal,
        save: { directory: dir.path },
        onProgress: (p) => {
          if (p.bytes > 256 * 1024 && cancelledAt === 0) {
            cancelledAt = p.bytes;
            controller.abort();
          }
        },
      },
      testDeps(deps),
    );
    expect(cancelledAt).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ kind: 'cancelled', message: 'The request was cancelled.' });
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('an already-aborted signal sends nothing and reports cancelled', async () => {
    const result = await executeRequest(
      { method: 'GET', url: a.url('/'), headers: [] },
      { save: { directory: dir.path }, signal: AbortSignal.abort() },
      testDeps(deps),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('cancelled');
    expect(await readdir(dir.path)).toEqual([]);
  });
});
