import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionPools, poolKey } from '../../../main/http/connection-pool.ts';
import { executeRequest } from '../../../main/http/executor.ts';
import { TimingRecorder } from '../../../main/http/timing.ts';
import type { ExecuteOptions } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { selfSigned, startHttps } from './support/servers.ts';
import type { Pem, Running } from './support/servers.ts';

let dir: { path: string; remove: () => Promise<void> };
let serverPem: Pem;
let otherCa: Pem;
let alice: Pem;
let bob: Pem;
let server: Running;
/** Counted by the server: every TLS handshake it completed, and whether it resumed a session. */
let handshakes: { resumed: boolean }[] = [];

beforeAll(async () => {
  dir = await makeTempDir('countersign-pool-');
  serverPem = await selfSigned(dir.path, 'gateway.test', 'IP:127.0.0.1');
  otherCa = await selfSigned(dir.path, 'other-ca', 'DNS:other');
  alice = await selfSigned(dir.path, 'alice-merchant', 'DNS:alice');
  bob = await selfSigned(dir.path, 'bob-merchant', 'DNS:bob');
  // Asks for a client certificate but takes any (or none): the answer names who presented which.
  server = await startHttps({ cert: serverPem.cert, key: serverPem.key, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peer = req.socket instanceof TLSSocket ? req.socket.getPeerCertificate() : null;
    const who = typeof peer?.subject?.CN === 'string' ? peer.subject.CN : 'nobody';
    if (req.url === '/close') res.setHeader('connection', 'close');
    res.end(who);
  });
  server.server.on('secureConnection', (socket: TLSSocket) => handshakes.push({ resumed: socket.isSessionReused() }));
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});
beforeEach(() => {
  handshakes = [];
});

const trusted = (extra: Partial<NonNullable<ExecuteOptions['tls']>> = {}): ExecuteOptions => ({ tls: { ca: serverPem.cert, ...extra } });

async function get(pools: ConnectionPools, options: ExecuteOptions, path = '/'): Promise<{ body: string; tlsMs: number | null }> {
  const result = await executeRequest({ method: 'GET', url: server.url(path), headers: [] }, options, testDeps({ pools }));
  if (!result.ok) throw new Error(result.error.message);
  return { body: result.response.preview.data, tlsMs: result.response.timing.tlsMs };
}

describe('one pool per TLS settings', () => {
  it('N sequential HTTPS requests share one connection: one handshake, timed on the first send only', async () => {
    const pools = new ConnectionPools();
    try {
      const timings: (number | null)[] = [];
      for (let i = 0; i < 20; i += 1) timings.push((await get(pools, trusted())).tlsMs);
      expect(handshakes).toHaveLength(1);
      expect(timings[0]).not.toBeNull();
      expect(timings.slice(1).every((t) => t === null)).toBe(true);
    } finally {
      await pools.close();
    }
  });

  it('environments with different client certificates never share a connection', async () => {
    const pools = new ConnectionPools();
    try {
      // Interleaved: a kept-alive connection of one must never carry the other's request.
      const seen: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        seen.push((await get(pools, trusted({ cert: alice.cert, key: alice.key }))).body);
        seen.push((await get(pools, trusted({ cert: bob.cert, key: bob.key }))).body);
        seen.push((await get(pools, trusted())).body);
      }
      expect(seen).toEqual(Array.from({ length: 3 }, () => ['alice-merchant', 'bob-merchant', 'nobody']).flat());
      expect(handshakes).toHaveLength(3);
      expect(pools.size).toBe(3);
    } finally {
      await pools.close();
    }
  });

  it('a different CA bundle gets its own connection too', async () => {
    const pools = new ConnectionPools();
    try {
      await get(pools, trusted());
      await get(pools, { tls: { ca: [serverPem.cert, otherCa.cert] } });
      await get(pools, trusted());
      expect(handshakes).toHaveLength(2);
    } finally {
      await pools.close();
    }
  });

  it('direct saves take the TLS context of their pool: made once per settings, never shared with another CA bundle', async () => {
    const pools = new ConnectionPools();
    const saves = await makeTempDir('countersign-pool-saves-');
    try {
      const lease = (ca: string) => pools.lease({ proxy: null, tls: { ca }, connectTimeoutMs: 1000 }, new TimingRecorder(() => performance.now()));
      const first = lease(serverPem.cert).secureContext();
      expect(lease(serverPem.cert).secureContext()).toBe(first);
      expect(lease(otherCa.cert).secureContext()).not.toBe(first);
      const save = (ca: string) =>
        executeRequest({ method: 'GET', url: server.url('/saved'), headers: [] }, { tls: { ca }, save: { directory: saves.path } }, testDeps({ pools }));
      const saved = await save(serverPem.cert);
      expect(saved.ok && saved.response.saved?.bytes).toBe('nobody'.length);
      const refused = await save(otherCa.cert);
      expect(refused.ok ? null : refused.error.kind).toBe('tls');
      expect((await save(serverPem.cert)).ok).toBe(true);
    } finally {
      await pools.close();
      await saves.remove();
    }
  });

  it('a new connection in the same pool resumes the TLS session instead of a full handshake', async () => {
    const pools = new ConnectionPools();
    try {
      // The server closes after this answer, so the next send must connect again.
      await get(pools, trusted(), '/close');
      await get(pools, trusted());
      expect(handshakes).toEqual([{ resumed: false }, { resumed: true }]);
    } finally {
      await pools.close();
    }
  });

  it('a session is never resumed across client certificates', async () => {
    const pools = new ConnectionPools();
    try {
      expect((await get(pools, trusted({ cert: alice.cert, key: alice.key }), '/close')).body).toBe('alice-merchant');
      expect((await get(pools, trusted({ cert: bob.cert, key: bob.key }))).body).toBe('bob-merchant');
      expect(handshakes).toEqual([{ resumed: false }, { resumed: false }]);
    } finally {
      await pools.close();
    }
  });

  it('closing the pools closes their connections: the next send connects again', async () => {
    const pools = new ConnectionPools();
    await get(pools, trusted());
    await pools.close();
    expect(pools.size).toBe(0);
    try {
      await get(pools, trusted());
      expect(handshakes).toHaveLength(2);
    } finally {
      await pools.close();
    }
  });
});

describe('TLS session reuse never skips the certificate check', () => {
  it('a trusted certificate for another host name is refused on every connection, resumed or not', async () => {
    // Trusted (its own CA) but issued for "bob", not 127.0.0.1. Over TLS 1.2
    // undici caches the first handshake's session before the name check
    // refuses it, so later connections resume it and bring no certificate.
    const wrongName = await startHttps({ cert: bob.cert, key: bob.key, maxVersion: 'TLSv1.2' }, (_req, res) => res.end('should not be read'));
    const pools = new ConnectionPools();
    try {
      for (let i = 0; i < 3; i += 1) {
        const result = await executeRequest({ method: 'GET', url: wrongName.url('/'), headers: [] }, { tls: { ca: bob.cert } }, testDeps({ pools }));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.kind).toBe('tls');
      }
    } finally {
      await pools.close();
      await wrongName.close();
    }
  });
});

describe('poolKey', () => {
  const base = { proxy: null, connectTimeoutMs: 10_000 };
  it('is the same for the same settings and differs when any TLS or proxy setting does', () => {
    const key = poolKey({ ...base, tls: { ca: 'CA', cert: 'C', key: 'K', passphrase: 'p1' } });
    expect(poolKey({ ...base, tls: { ca: 'CA', cert: 'C', key: 'K', passphrase: 'p1' } })).toBe(key);
    const variants = [
      poolKey({ ...base, tls: { ca: 'CA', cert: 'C', key: 'K', passphrase: 'p2' } }),
      poolKey({ ...base, tls: { ca: 'CA', cert: 'C', key: 'K2', passphrase: 'p1' } }),
      poolKey({ ...base, tls: { ca: 'CA2', cert: 'C', key: 'K', passphrase: 'p1' } }),
      poolKey({ ...base, tls: { ca: 'CA', cert: 'C', key: 'K', passphrase: 'p1', verify: false } }),
      poolKey({ ...base, tls: { ca: 'CA', cert: 'CK', passphrase: 'p1' } }),
      poolKey({ ...base, tls: { ca: 'CA', pfx: new Uint8Array([1, 2]), passphrase: 'p1' } }),
      poolKey({ ...base, proxy: { httpProxy: 'http://p:1', httpsProxy: 'http://p:1', noProxy: '' }, tls: { ca: 'CA', cert: 'C', key: 'K', passphrase: 'p1' } }),
      // Settings with nothing secret (the common case) take a plain key: still one per distinct setting.
      poolKey({ ...base, tls: undefined }),
      poolKey({ ...base, tls: { verify: false } }),
      poolKey({ ...base, connectTimeoutMs: 5_000, tls: undefined }),
      poolKey({ ...base, proxy: { httpProxy: 'http://p:1', httpsProxy: 'http://p:1', noProxy: '' }, tls: undefined }),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
    expect(poolKey({ ...base, tls: { verify: true } })).toBe(poolKey({ ...base, tls: undefined }));
  });

  it('a proxy with a password is never in the key in the clear', () => {
    const key = poolKey({ ...base, proxy: { httpProxy: 'http://u:hunter2@p:1', httpsProxy: 'http://u:hunter2@p:1', noProxy: '' }, tls: undefined });
    expect(key).not.toContain('hunter2');
  });

  it('holds no secret in the clear', () => {
    const key = poolKey({ ...base, tls: { key: 'private-key-text', passphrase: 'hunter2-passphrase' } });
    expect(key).not.toContain('hunter2');
    expect(key).not.toContain('private');
  });
});
