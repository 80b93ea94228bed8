import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCallbackInbox, type CallbackInbox } from '../../../main/inbox/callback-inbox.ts';

describe('callback inbox', () => {
  let inbox: CallbackInbox | undefined;
  afterEach(async () => {
    await inbox?.close();
    inbox = undefined;
  });

  const put = (url: string, body: string | Buffer) =>
    fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : new Uint8Array(body) });

  it('records a MoMo-style PUT callback as data and answers 200', async () => {
    inbox = await startCallbackInbox();
    const response = await put(`${inbox.url}/momo/callback?ref=1`, JSON.stringify({ externalId: 'ext-1', status: 'SUCCESSFUL' }));
    expect(response.status).toBe(200);
    const [entry] = inbox.entries();
    expect(entry).toMatchObject({ method: 'PUT', path: '/momo/callback?ref=1', truncated: false });
    expect(JSON.parse(entry!.body)).toEqual({ externalId: 'ext-1', status: 'SUCCESSFUL' });
    expect(entry!.headers).toContainEqual(['content-type', 'application/json']);
  });

  it('keeps only the first part of an oversized body and flags it', async () => {
    inbox = await startCallbackInbox({ maxBodyBytes: 1024 });
    await put(`${inbox.url}/big`, Buffer.alloc(1024 * 1024, 'a'));
    const [entry] = inbox.entries();
    expect(entry!.body.length).toBe(1024);
    expect(entry!.bodyBytes).toBe(1024 * 1024);
    expect(entry!.truncated).toBe(true);
  });

  it('drops the oldest entries beyond its cap', async () => {
    inbox = await startCallbackInbox({ maxEntries: 3 });
    for (let i = 1; i <= 5; i++) await put(`${inbox.url}/n/${i}`, '{}');
    expect(inbox.entries().map((entry) => entry.path)).toEqual(['/n/3', '/n/4', '/n/5']);
  });

  it('releases a waiting step when a matching callback arrives, and not before', async () => {
    inbox = await startCallbackInbox();
    const current = inbox;
    let released = false;
    const waiting = current
      .waitFor((entry) => entry.body.includes('"ref-42"'), { timeoutMs: 5000, description: 'reference ref-42' })
      .then((entry) => {
        released = true;
        return entry;
      });
    await put(`${current.url}/cb`, JSON.stringify({ referenceId: 'ref-41' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(released).toBe(false);
    await put(`${current.url}/cb`, JSON.stringify({ referenceId: 'ref-42' }));
    expect((await waiting).body).toContain('ref-42');
  });

  it('ends a wait that never matches with a clear timeout message', async () => {
    inbox = await startCallbackInbox();
    await expect(inbox.waitFor(() => false, { timeoutMs: 100, description: 'reference ref-7' })).rejects.toThrow(
      'No callback matching reference ref-7 arrived within 100 ms.',
    );
  });

  it('listens on loopback only unless asked, and says so when asked', async () => {
    inbox = await startCallbackInbox();
    expect(inbox.exposure).toBeNull();
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.2', port: inbox!.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(reachable).toBe(false);
    await inbox.close();
    inbox = await startCallbackInbox({ host: '0.0.0.0' });
    expect(inbox.exposure).toContain('anyone who can reach this machine');
  });
});
