import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSandboxService, sandboxEndpoints, startSandbox } from '../../../main/sandbox/index.ts';
import { FIXED_NOW_MS, useSandbox } from './support/sandbox-fixture.ts';

const sandbox = useSandbox();

describe('sandbox server', () => {
  it('listens on 127.0.0.1 with a free port and says what it emulates', async () => {
    expect(sandbox.current().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${sandbox.current().url}/sandbox`);
    const body = (await response.json()) as { gateways: Record<string, string[]> };
    expect(Object.keys(body.gateways).sort()).toEqual(['centagate', 'elecsnet', 'momo', 'paynet']);
  });

  it('names each gateway\'s base URL for samples and environments', async () => {
    const endpoints = sandboxEndpoints(`${sandbox.current().url}/`);
    expect(endpoints.paynet).toBe(`${sandbox.current().url}/osp`);
    const keyInfo = await fetch(endpoints.elecsnetPublicKey('sandbox-merchant'));
    expect(keyInfo.status).toBe(200);
    const centagate = await fetch(`${endpoints.centagate}/auth/authQRCode`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(((await centagate.json()) as { code: string }).code).toBe('10001');
  });

  it('sends a Date header from its injected clock, so clock skew can be simulated', async () => {
    const skewed = await startSandbox({ clock: () => FIXED_NOW_MS - 90_000 });
    try {
      const response = await fetch(`${skewed.url}/sandbox/health`);
      expect(response.headers.get('date')).toBe(new Date(FIXED_NOW_MS - 90_000).toUTCString());
    } finally {
      await skewed.close();
    }
  });

  it('serves an unsigned generated file of an exact size for download tests', async () => {
    const response = await fetch(`${sandbox.current().url}/sandbox/files/300000.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="sandbox-300000.csv"');
    expect((await response.arrayBuffer()).byteLength).toBe(300_000);
  });

  it('answers 404 for unknown paths and 405 (with Allow) for a wrong method', async () => {
    expect((await fetch(`${sandbox.current().url}/nowhere`)).status).toBe(404);
    const wrong = await fetch(`${sandbox.current().url}/osp/token`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${sandbox.current().url}/sandbox/health`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('evil.example:80')).toBe(421);
    expect(await status(`localhost:${sandbox.current().port}`)).toBe(200);
  });

  it('answers 400 to a malformed percent-escape in a path', async () => {
    expect((await fetch(`${sandbox.current().url}/v1_0/apiuser/%E0%A4%A`)).status).toBe(400);
  });

  it('refuses request bodies over 1 MiB', async () => {
    const response = await fetch(`${sandbox.current().url}/osp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=${'x'.repeat(1024 * 1024 + 1)}`,
    });
    expect(response.status).toBe(413);
  });

  it('runs several sandboxes side by side and closes cleanly', async () => {
    const others = await Promise.all([startSandbox(), startSandbox()]);
    expect(new Set(others.map((other) => other.port)).size).toBe(2);
    await Promise.all(others.map((other) => other.close()));
    await expect(fetch(`${others[0].url}/sandbox/health`)).rejects.toThrow();
  });

  it('offers one on-demand instance to the app: start is idempotent, stop closes it', async () => {
    const service = createSandboxService({ clock: () => FIXED_NOW_MS });
    expect(service.status()).toEqual({ running: false });
    const [first, second] = await Promise.all([service.start(), service.start()]);
    expect(first.running && second.running && first.url === second.url).toBe(true);
    const status = service.status();
    if (!status.running) throw new Error('expected a running sandbox');
    expect(status.endpoints.momo).toBe(status.url);
    expect((await fetch(`${status.url}/sandbox/health`)).status).toBe(200);
    await service.stop();
    expect(service.status()).toEqual({ running: false });
    await expect(fetch(`${status.url}/sandbox/health`)).rejects.toThrow();
    await service.stop();
  });
});
