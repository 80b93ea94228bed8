import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../main/host/server.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { rawRequest } from '../../support/http.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** A Postman collection whose folders nest `levels` deep, one request at the bottom (built as text: JSON.stringify itself recurses). */
function deepPostman(levels: number): string {
  const leaf = JSON.stringify({ name: 'leaf', request: { method: 'GET', url: 'https://example.test/' } });
  const item = `${'{"name":"f","item":['.repeat(levels)}${leaf}${']}'.repeat(levels)}`;
  const info = JSON.stringify({ name: 'Deep', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' });
  return `{"info":${info},"item":[${item}]}`;
}

describe('browser-mode host: oversized and overdeep input gets a clear error', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let host: Host;
  const invoke = (name: string, body: string) =>
    rawRequest({
      port: host.port,
      method: 'POST',
      path: `/api/invoke/${name}`,
      headers: { 'content-type': 'application/json', 'x-countersign-token': host.token },
      body,
    });

  beforeAll(async () => {
    dir = await makeTempDir();
    const rendererDir = join(dir.path, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Countersign</title>');
    backend = testBackend(join(dir.path, 'data'));
    // Imports need an open vault (found credentials go straight into it).
    await backend.dispatcher.call('vault:setup', { passphrase: 'host body limits test passphrase' });
    host = await startHost({ backend, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await backend.close();
    await dir.remove();
  });

  it('refuses an 8 MB JSON array of tiny elements as invalid input, and stays responsive', async () => {
    const response = await invoke('app:info', `[${'0,'.repeat(4_000_000)}0]`);
    expect(response.status).toBe(400);
    const envelope = JSON.parse(response.body) as { ok: boolean; error?: { code: string; message: string } };
    expect(envelope.error?.code).toBe('invalid_input');
    expect(envelope.error?.message).toMatch(/more than 10000 keys/);
    expect((await invoke('app:info', '{}')).status).toBe(200);
  });

  it('refuses a declared body over 8 MiB before reading any of it', async () => {
    // Headers only: the host must answer without waiting for the 9 MB it was promised.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(host.port, '127.0.0.1', () => {
        socket.write(
          [`POST /api/invoke/app:info HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, `x-countersign-token: ${host.token}`, 'Content-Type: application/json', `Content-Length: ${9 * 1024 * 1024}`, '', ''].join('\r\n'),
        );
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('utf8');
        if (received.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('a Postman file 3,000 folders deep: "nested deeper than 200 levels", not a generic failure', async () => {
    const response = await invoke('workspace:import-postman', JSON.stringify({ text: deepPostman(3000), secretsEnvironment: 'UAT' }));
    const envelope = JSON.parse(response.body) as { ok: boolean; error?: { code: string; message: string } };
    expect(envelope.error?.code).toBe('invalid_input');
    expect(envelope.error?.message).toMatch(/nested deeper than 200 levels/);
    expect(response.status).toBe(400);
  });

  it('a Postman file of ordinary depth still imports', async () => {
    const response = await invoke('workspace:import-postman', JSON.stringify({ text: deepPostman(10), secretsEnvironment: 'UAT' }));
    expect(JSON.parse(response.body), response.body).toMatchObject({ ok: true });
  });
});
