import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { clockSkew } from '../../../main/http/clock-skew.ts';
import { resolveProxy } from '../../../main/http/dispatcher.ts';
import { progressThrottle } from '../../../main/http/progress.ts';
import type { HttpProgress } from '../../../main/contract/http.ts';
import { decideRedirect, headersForHop } from '../../../main/http/redirects.ts';
import { TimingRecorder } from '../../../main/http/timing.ts';
import { tlsPolicy } from '../../../main/http/tls-policy.ts';

describe('tlsPolicy', () => {
  it('verifies by default', () => {
    expect(tlsPolicy({ name: 'Sandbox', protected: false, skipTlsVerify: false })).toEqual({ verify: true, warning: null });
    expect(tlsPolicy({ name: 'Production', protected: true, skipTlsVerify: false })).toEqual({ verify: true, warning: null });
  });
  it('lets an unprotected environment skip verification, with a loud warning', () => {
    const decision = tlsPolicy({ name: 'Staging', protected: false, skipTlsVerify: true });
    expect(decision.verify).toBe(false);
    expect(decision.warning).toContain('NOT verified');
  });
  it('refuses to skip verification for a protected environment', () => {
    expect(() => tlsPolicy({ name: 'Production', protected: true, skipTlsVerify: true })).toThrow(ServiceError);
    try {
      tlsPolicy({ name: 'Production', protected: true, skipTlsVerify: true });
    } catch (err) {
      expect((err as ServiceError).code).toBe('forbidden');
    }
  });
});

describe('clockSkew', () => {
  const server = 'Mon, 23 Nov 2026 10:00:00 GMT';
  const at = Date.parse(server);
  it.each([
    [at, 0, false],
    [at + 60_000, -60, false],
    [at - 60_000, 60, false],
    [at + 61_000, -61, true],
    [at - 3_600_000, 3600, true],
  ])('local %d -> skew %d s, warning %s', (local, skew, warning) => {
    expect(clockSkew(server, local)).toEqual({ serverDate: server, skewSeconds: skew, warning });
  });
  it('ignores a missing or unparsable Date', () => {
    expect(clockSkew(undefined, at)).toBeNull();
    expect(clockSkew('yesterday-ish', at)).toBeNull();
  });
});

describe('progressThrottle', () => {
  it('emits at most one event per 100 ms of the injected clock, with the interval rate', () => {
    let now = 0;
    const events: HttpProgress[] = [];
    const report = progressThrottle('r1', 10_000, () => now, (p) => events.push(p));
    for (let i = 1; i <= 100; i += 1) {
      now = i * 10; // a chunk of 100 bytes every 10 ms
      report(i * 100);
    }
    expect(events).toHaveLength(10);
    expect(events[0]).toEqual({ requestId: 'r1', bytes: 1000, total: 10_000, rate: 10_000 });
    expect(events.map((e) => e.bytes)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
  });
  it('leaves total out when the size is unknown', () => {
    let now = 0;
    const events: HttpProgress[] = [];
    const report = progressThrottle('r2', undefined, () => now, (p) => events.push(p));
    now = 150;
    report(300);
    expect(events).toEqual([{ requestId: 'r2', bytes: 300, rate: 2000 }]);
  });
});

describe('redirect decisions', () => {
  const from = new URL('https://api.example/a');
  it('follows GET and HEAD, resolving relative locations', () => {
    expect(decideRedirect('GET', from, '/b?x=1', 0, 5)).toEqual({ follow: true, url: new URL('https://api.example/b?x=1') });
    expect(decideRedirect('head', from, 'https://cdn.example/f', 0, 5)).toMatchObject({ follow: true });
  });
  it('hands back unsafe methods, downgrades and the hop limit', () => {
    expect(decideRedirect('POST', from, '/b', 0, 5)).toEqual({ follow: false, pending: { location: 'https://api.example/b', reason: 'method-not-safe' } });
    expect(decideRedirect('GET', from, 'http://api.example/b', 0, 5)).toEqual({ follow: false, pending: { location: 'http://api.example/b', reason: 'downgrade' } });
    expect(decideRedirect('GET', from, '/b', 5, 5)).toMatchObject({ follow: false, pending: { reason: 'max-hops' } });
    expect(decideRedirect('GET', from, 'javascript:alert(1)', 0, 5)).toBeNull();
  });
  it('keeps headers on the same origin and drops credentials on another', () => {
    const headers = [['Authorization', 'Bearer t'], ['Cookie', 'c'], ['X-Key', 'k'], ['Accept', '*/*']] as const;
    expect(headersForHop(headers, from, new URL('https://api.example/z'), [])).toEqual(headers);
    expect(headersForHop(headers, from, new URL('https://cdn.example/z'), ['x-key'])).toEqual([['Accept', '*/*']]);
  });
});

describe('resolveProxy', () => {
  it('reads the environment, lower case first, and honours an explicit setting or none', () => {
    expect(resolveProxy({ mode: 'env' }, {})).toBeNull();
    expect(resolveProxy({ mode: 'env' }, { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost' })).toEqual({
      httpProxy: 'http://p:1',
      httpsProxy: 'http://p:1',
      noProxy: 'localhost',
    });
    expect(resolveProxy({ mode: 'env' }, { https_proxy: 'http://low:2', HTTPS_PROXY: 'http://up:3' })?.httpsProxy).toBe('http://low:2');
    expect(resolveProxy({ mode: 'none' }, { HTTP_PROXY: 'http://p:1' })).toBeNull();
    expect(resolveProxy({ mode: 'explicit', url: 'http://mine:8' }, { HTTP_PROXY: 'http://p:1' })).toEqual({
      httpProxy: 'http://mine:8',
      httpsProxy: 'http://mine:8',
      noProxy: '',
    });
  });
});

describe('TimingRecorder', () => {
  it('splits an exchange into DNS, connect, TLS, first byte and download', () => {
    let now = 1000;
    const t = new TimingRecorder(() => now);
    t.hopStarted();
    t.connectStarted();
    t.dnsStarted();
    now = 1005;
    t.dnsFinished();
    now = 1015;
    t.tcpConnected();
    now = 1045;
    t.tlsFinished();
    now = 1145;
    t.headersReceived();
    now = 1400;
    t.bodyFinished();
    expect(t.breakdown()).toEqual({ dnsMs: 5, connectMs: 10, tlsMs: 30, firstByteMs: 100, downloadMs: 255, totalMs: 400 });
  });
  it('reports skipped phases as null on a reused connection', () => {
    let now = 0;
    const t = new TimingRecorder(() => now);
    t.hopStarted();
    now = 20;
    t.headersReceived();
    now = 30;
    t.bodyFinished();
    expect(t.breakdown()).toEqual({ dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: 20, downloadMs: 10, totalMs: 30 });
  });
});
