import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackEntry, InboxStatus } from '../../../main/contract/flows.ts';
import { ServiceError } from '../../../main/contract/errors.ts';
import { createInboxService, type InboxService } from '../../../main/flows/inbox-service.ts';

/** Whether this machine lets us listen on the address (Linux routes all of 127/8 to loopback; macOS does not by default). */
async function canBind(host: string): Promise<boolean> {
  const server = createServer();
  const bound = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ host, port: 0 }, () => resolve(true));
  });
  if (bound) await new Promise<void>((resolve) => server.close(() => resolve()));
  return bound;
}

const OTHER_HOST = '127.0.0.2';
const otherHostBindable = await canBind(OTHER_HOST);

const post = (url: string, body: string | Buffer) => fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body) });

describe('inbox service', () => {
  let service: InboxService | undefined;
  let blocker: Server | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
    if (blocker) await new Promise<void>((resolve) => blocker?.close(() => resolve()));
    blocker = undefined;
  });

  it('starts one inbox on 127.0.0.1 when ensure() is called concurrently', async () => {
    const changes: InboxStatus[] = [];
    service = createInboxService({ onChange: (status) => changes.push(status) });
    expect(service.status()).toEqual({ running: false });
    const [a, b, c] = await Promise.all([service.ensure(), service.ensure(), service.ensure()]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await service.ensure()).toBe(a);
    expect(changes).toHaveLength(1);
    expect(service.status()).toEqual({ running: true, url: a.url, host: '127.0.0.1', port: a.port, exposure: null, maxBodyBytes: 64 * 1024, maxEntries: 200 });
    expect(a.url).toBe(`http://127.0.0.1:${String(a.port)}`);
  });

  it('lists entries newest first and tells onEntry about each', async () => {
    const seen: CallbackEntry[] = [];
    service = createInboxService({ onEntry: (entry) => seen.push(entry) });
    const { url } = await service.ensure();
    await post(`${url}/first`, '{"n":1}');
    await post(`${url}/second`, '{"n":2}');
    expect(service.entries().map((entry) => entry.path)).toEqual(['/second', '/first']);
    expect(seen.map((entry) => entry.path)).toEqual(['/first', '/second']);
  });

  it('keeps an oversized body only up to its cap, flagged, with the full size', async () => {
    service = createInboxService({ limits: { maxBodyBytes: 1024 } });
    const { url } = await service.ensure();
    const response = await post(`${url}/big`, Buffer.alloc(200 * 1024, 'a'));
    expect(response.status).toBe(200);
    const [entry] = service.entries();
    expect(entry).toMatchObject({ path: '/big', bodyBytes: 200 * 1024, truncated: true });
    expect(entry!.body).toBe('a'.repeat(1024));
    expect(service.status()).toMatchObject({ maxBodyBytes: 1024 });
  });

  it('drops the oldest entries beyond its cap', async () => {
    service = createInboxService({ limits: { maxEntries: 2 } });
    const { url } = await service.ensure();
    for (const n of [1, 2, 3]) await post(`${url}/n/${String(n)}`, '');
    expect(service.entries().map((entry) => entry.path)).toEqual(['/n/3', '/n/2']);
  });

  it('clears its entries and stops', async () => {
    const changes: InboxStatus[] = [];
    service = createInboxService({ onChange: (status) => changes.push(status) });
    const { url } = await service.ensure();
    await post(`${url}/x`, '{}');
    expect(service.clear()).toEqual([]);
    expect(service.entries()).toEqual([]);
    expect(await service.stop()).toEqual({ running: false });
    expect(changes.at(-1)).toEqual({ running: false });
    expect(service.entries()).toEqual([]);
    await expect(fetch(`${url}/y`, { method: 'POST', body: '{}' })).rejects.toThrow();
    // Stopping a stopped inbox changes nothing and says so.
    expect(await service.stop()).toEqual({ running: false });
    expect(changes).toHaveLength(2);
  });

  it('moves to the address the user picks, closing the one it had', async () => {
    service = createInboxService();
    const first = await service.ensure();
    const status = await service.start({ host: '127.0.0.1', port: 0 });
    expect(status.running && status.port).not.toBe(first.port);
    await expect(fetch(`${first.url}/old`, { method: 'POST', body: '' })).rejects.toThrow();
  });

  it('gives a clear message when the port is already in use', async () => {
    blocker = createServer();
    const taken = await new Promise<number>((resolve) => {
      blocker?.listen({ host: '127.0.0.1', port: 0 }, () => {
        const address = blocker?.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    service = createInboxService();
    const error = await service.start({ host: '127.0.0.1', port: taken }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'failed', message: `The callback inbox could not start on 127.0.0.1:${String(taken)}: port ${String(taken)} is already in use.` });
    expect(service.status()).toEqual({ running: false });
  });

  it('says when the address is not one of this machine', async () => {
    service = createInboxService();
    // 192.0.2.0/24 is reserved for documentation: never a local address.
    await expect(service.start({ host: '192.0.2.1', port: 0 })).rejects.toThrow('The callback inbox could not start on 192.0.2.1:0: 192.0.2.1 is not an address of this machine.');
  });

  // A user's start() while a flow's ensure() is binding: starts and stops run one after another, so no listener is left that stop() cannot reach.
  it('leaves no listener behind when the user starts the inbox while ensure() is starting it', async () => {
    service = createInboxService();
    const [ensured, chosen] = await Promise.all([service.ensure(), service.start({ host: '127.0.0.1', port: 0 })]);
    const urls = [ensured.url, chosen.running ? chosen.url : ''];
    await service.stop();
    for (const url of urls) await expect(post(`${url}/after-stop`, '')).rejects.toThrow();
  });

  it.skipIf(!otherHostBindable)(`reports the exposure when it listens beyond 127.0.0.1 (${OTHER_HOST}; skipped where that address cannot be bound)`, async () => {
    service = createInboxService();
    const status = await service.start({ host: OTHER_HOST, port: 0 });
    expect(status.running).toBe(true);
    if (!status.running) return;
    expect(status.host).toBe(OTHER_HOST);
    expect(status.url).toBe(`http://${OTHER_HOST}:${String(status.port)}`);
    expect(status.exposure).toBe(
      `The callback inbox listens on ${OTHER_HOST}:${String(status.port)}: anyone who can reach this machine on that address can post to it. It records what arrives and never runs it.`,
    );
    // ensure() keeps the inbox the user chose rather than starting another on loopback.
    expect((await service.ensure()).url).toBe(status.url);
  });
});
