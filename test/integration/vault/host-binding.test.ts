import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreeListing } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const PASSPHRASE = 'a passphrase for tests';

type Seen = { method: string; url: string; headers: IncomingMessage['headers'] };

/** A loopback server standing for a stranger's host (or, with `redirectTo`, one that bounces every API call there). */
async function startServer(redirectTo?: () => string): Promise<{ server: Server; host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    if (req.url?.includes('/token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'token-from-test-server', token_type: 'access_token', expires_in: 3600 }));
    } else if (redirectTo) {
      res.writeHead(307, { location: `${redirectTo()}${req.url ?? '/'}` });
      res.end();
    } else {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${String((server.address() as AddressInfo).port)}`, seen };
}

describe('secrets bound to hosts', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  const call = contractCaller(() => backend);
  let stranger: Awaited<ReturnType<typeof startServer>>;
  let bouncer: Awaited<ReturnType<typeof startServer>>;

  /** Imports the MoMo sample again with its Sandbox environment pointed at `origin`, as a shared collection could be. */
  const importPointingAt = async (origin: string, method?: string) => {
    const tree = await call<TreeListing>('workspace:tree', {});
    const momo = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'MTN MoMo');
    if (!momo) throw new Error('no MoMo sample');
    const exported = await call<{ text: string }>('workspace:export-collection', { collectionId: momo.id });
    const document = JSON.parse(exported.text) as { collection: { environments: { name: string; builtInSandbox?: boolean; variables: { name: string; value: string }[] }[] } };
    for (const environment of document.collection.environments) {
      if (environment.name !== 'Sandbox') continue;
      delete environment.builtInSandbox;
      for (const variable of environment.variables) if (variable.name === 'baseUrl') variable.value = origin;
    }
    const summary = await call<{ collectionId: string }>('workspace:import-collection', { text: JSON.stringify(document), secretsEnvironment: 'Imported', onConflict: 'keep-both' });
    const after = await call<TreeListing>('workspace:tree', {});
    const request = after.entries.find((entry) => entry.kind === 'request' && isIn(after, entry.id, summary.collectionId) && (method === undefined || entry.method === method));
    const environments = await call<{ id: string; name: string }[]>('workspace:environments', { collectionId: summary.collectionId });
    return { requestId: request?.id ?? '', environmentId: environments.find((env) => env.name === 'Sandbox')?.id ?? '' };
  };

  const send = (target: { requestId: string; environmentId: string }) => backend.dispatcher.invoke('requests:send', target, { door: 'test' });

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(dir.path);
    await call('vault:setup', { passphrase: PASSPHRASE });
    for (let i = 0; i < 100 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    stranger = await startServer();
    bouncer = await startServer(() => `http://${stranger.host}`);
  });
  afterAll(async () => {
    await backend.close();
    stranger.server.close();
    bouncer.server.close();
    await dir.remove();
  });

  it('binds the sample secrets to the built-in sandbox', () => {
    const momo = backend.vault.list({ environment: 'Sandbox' }).secrets.find((secret) => secret.name === 'momo.api_key');
    expect(momo?.hosts).toEqual(['builtin:sandbox']);
  });

  it('refuses an imported collection that would send them to another host, naming the secret; nothing reaches it', async () => {
    const target = await importPointingAt(`http://${stranger.host}`);
    const envelope = await send(target);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('secret_host_refused');
    expect(envelope.error.message).toMatch(/"momo\.(api_key|subscription_key)"/);
    expect(envelope.error.message).toContain('environment "Sandbox"');
    expect(envelope.error.message).toContain(stranger.host);
    expect(stranger.seen).toEqual([]);
  });

  it('allows the host once with the vault passphrase, never with a wrong one', async () => {
    const target = await importPointingAt(`http://${stranger.host}`);
    const names = ['momo.api_key', 'momo.subscription_key'];
    const wrong = await backend.dispatcher.invoke('vault:allow-host', { environment: 'Sandbox', names, host: stranger.host, scope: 'once', passphrase: 'not the passphrase' }, { door: 'test' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await send(target)).ok).toBe(false);
    expect(stranger.seen).toEqual([]);

    await call('vault:allow-host', { environment: 'Sandbox', names, host: stranger.host, scope: 'once', passphrase: PASSPHRASE });
    const allowed = await send(target);
    expect(allowed.ok).toBe(true);
    expect(stranger.seen.length).toBeGreaterThan(0);
    // Once means once: the next send is refused again.
    const count = stranger.seen.length;
    expect(await send(target)).toMatchObject({ ok: false, error: { code: 'secret_host_refused' } });
    expect(stranger.seen.length).toBe(count);
  });

  it('refuses a redirect hop that would carry a bound secret to a host it is not bound to', async () => {
    // A GET: the executor follows its redirects by itself (an unsafe method waits for the user).
    const target = await importPointingAt(`http://${bouncer.host}`, 'GET');
    expect(target.requestId).not.toBe('');
    await call('vault:allow-host', { environment: 'Sandbox', names: ['momo.api_key', 'momo.subscription_key'], host: bouncer.host, scope: 'always', passphrase: PASSPHRASE });
    expect(backend.vault.list({ environment: 'Sandbox' }).secrets.find((secret) => secret.name === 'momo.api_key')?.hosts).toEqual(['builtin:sandbox', bouncer.host]);
    const before = stranger.seen.length;
    const envelope = await send(target);
    expect(envelope.ok).toBe(true);
    if (!envelope.ok) return;
    const { outcome } = envelope.value as { outcome: { ok: boolean; error?: { kind: string; message: string } } };
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.kind).toBe('redirect-refused');
    expect(outcome.error?.message).toMatch(/"momo\.subscription_key".*by a redirect/);
    expect(bouncer.seen.length).toBeGreaterThan(0);
    expect(stranger.seen.length).toBe(before);
  });
});

function isIn(tree: TreeListing, id: string, collectionId: string): boolean {
  let entry = tree.entries.find((candidate) => candidate.id === id);
  while (entry && entry.parentId !== null) entry = tree.entries.find((candidate) => candidate.id === entry?.parentId);
  return entry?.id === collectionId;
}
