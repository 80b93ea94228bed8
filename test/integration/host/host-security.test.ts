import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../main/contract/index.ts';
import { startHost, type Host } from '../../../main/host/server.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { rawRequest } from '../../support/http.ts';
import { malformedInputsFor } from '../../support/malformed-inputs.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('browser-mode host', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let host: Host;
  const invoke = (name: string, body: string, headers: Record<string, string> = {}) =>
    rawRequest({
      port: host.port,
      method: 'POST',
      path: `/api/invoke/${name}`,
      headers: { 'content-type': 'application/json', 'x-countersign-token': host.token, ...headers },
      body,
    });

  beforeAll(async () => {
    dir = await makeTempDir();
    const rendererDir = join(dir.path, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Countersign</title>');
    backend = testBackend(join(dir.path, 'data'));
    host = await startHost({ backend, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await dir.remove();
  });

  it('draws a launch token of at least 128 bits and puts it in the URL fragment only', () => {
    expect(Buffer.from(host.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const url = new URL(host.url);
    expect(url.host).toBe(`127.0.0.1:${host.port}`);
    expect(url.hash).toBe(`#token=${host.token}`);
    expect(url.search).toBe('');
  });

  it('answers a call that carries the token', async () => {
    const response = await invoke('app:info', '{}');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('refuses a call without a token (401)', async () => {
    const response = await invoke('app:info', '{}', { 'x-countersign-token': '' });
    expect(response.status).toBe(401);
  });

  it('refuses a call with a wrong token (401), including one of the right length', async () => {
    expect((await invoke('app:info', '{}', { 'x-countersign-token': 'wrong' })).status).toBe(401);
    const sameLength = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    expect((await invoke('app:info', '{}', { 'x-countersign-token': sameLength })).status).toBe(401);
  });

  it('does not take the token from a cookie or the query string', async () => {
    const viaCookie = await rawRequest({ port: host.port, method: 'POST', path: '/api/invoke/app:info', headers: { cookie: `token=${host.token}` }, body: '{}' });
    expect(viaCookie.status).toBe(401);
    const viaQuery = await rawRequest({ port: host.port, method: 'POST', path: `/api/invoke/app:info?token=${host.token}`, body: '{}' });
    expect(viaQuery.status).toBe(401);
  });

  it.each(['localhost', 'evil.example', `evil.example:PORT`, '127.0.0.1', '127.0.0.1:1', `[::1]:PORT`])(
    'refuses Host %s (403), even with the right token',
    async (hostHeader) => {
      const response = await invoke('app:info', '{}', { host: hostHeader.replace('PORT', String(host.port)) });
      expect(response.status).toBe(403);
    },
  );

  it('refuses a DNS-rebinding style page load too', async () => {
    const response = await rawRequest({ port: host.port, path: '/', headers: { host: `attacker.example:${host.port}` } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('<title>');
  });

  it.each(['http://evil.example', 'http://localhost:PORT', 'null', 'http://127.0.0.1:1'])('refuses Origin %s (403)', async (origin) => {
    const response = await invoke('app:info', '{}', { origin: origin.replace('PORT', String(host.port)) });
    expect(response.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const response = await invoke('app:info', '{}', { origin: `http://127.0.0.1:${host.port}` });
    expect(response.status).toBe(200);
  });

  it('refuses the event stream without the token', async () => {
    expect((await rawRequest({ port: host.port, path: '/api/events' })).status).toBe(401);
  });

  it('serves the renderer with a strict CSP', async () => {
    const response = await rawRequest({ port: host.port, path: '/' });
    expect(response.status).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('refuses invalid JSON and oversized bodies with a clear error', async () => {
    const bad = await invoke('settings:set', '{theme:');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/JSON/) as unknown } });
    const big = await invoke('settings:set', JSON.stringify({ theme: 'x'.repeat(9 * 1024 * 1024) }));
    expect(big.status).toBe(413);
  });

  it('refuses malformed input on every channel over HTTP and keeps serving', async () => {
    for (const name of channelNames) {
      for (const { label, input } of malformedInputsFor(name)) {
        // The raw JSON keeps a literal "__proto__" key, as a hostile page would send it.
        const body = label === 'a __proto__ key' ? '{"__proto__": {"polluted": true}}' : JSON.stringify(input);
        const response = await invoke(name, body);
        expect(response.status, `${name} with ${label}`).toBe(400);
        expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await invoke('app:info', '{}')).status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal)
      .map((entry) => entry!.address);
    for (const address of ['127.0.0.2', '::1', ...others]) {
      await expect(canConnect(address, host.port), `connect to ${address}`).resolves.toBe(false);
    }
    await expect(canConnect('127.0.0.1', host.port)).resolves.toBe(true);
  });
});

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
