import { createHmac, randomBytes } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import type { SecureContext, SecureContextOptions } from 'node:tls';
import type { Dispatcher } from 'undici';
import { createDispatcher } from './dispatcher.ts';
import type { ResolvedProxy } from './dispatcher.ts';
import type { TlsMaterial } from './options.ts';
import type { TimingRecorder } from './timing.ts';
import { tlsSocketOptions } from './tls-material.ts';
import { registerPoolCloser } from './pool-lifetime.ts';

/** What decides whether two sends may share a connection. */
export interface PoolSettings {
  proxy: ResolvedProxy | null;
  tls: TlsMaterial | undefined;
  connectTimeoutMs: number;
}

/** One send's hold on a pool: the dispatcher to use, and the end of its wait for a connection. */
export interface PoolLease {
  dispatcher: Dispatcher;
  /** Call once the response head arrived (or the send failed): later connections are not this send's. */
  release: () => void;
  /** The TLS context for the direct reader's connections (direct/socket.ts), made once per pool. */
  secureContext: () => SecureContext;
}

interface Pool {
  dispatcher: Dispatcher;
  /** Sends waiting for their response head, oldest first; a new connection is timed for the oldest not yet given one. */
  waiting: Set<TimingRecorder>;
  tls: SecureContextOptions;
  /**
   * Made on the first direct save over TLS. With a custom CA it holds Node's ~140 roots besides:
   * ~11 ms of parsing that every saved file paid before.
   */
  secureContext: SecureContext | null;
}

/** Pools kept at once; the least recently used one beyond this is closed (its sends finish first). */
const MAX_POOLS = 32;

// The key is a keyed digest: the map never holds a private key, passphrase or
// proxy password in the clear, and the digest cannot be checked offline.
const KEY_SECRET = randomBytes(32);

/**
 * A digest of every setting that must match for two sends to share a connection. Settings with
 * nothing secret in them (no proxy, no TLS material) get a plain key instead: the HMAC cost ~50 us of
 * every send of a batch (issue #16), and a base64url digest never starts with "plain:".
 */
export function poolKey(settings: PoolSettings): string {
  const tls = settings.tls ?? {};
  if (settings.proxy === null && tls.ca === undefined && tls.cert === undefined && tls.key === undefined && tls.pfx === undefined && tls.passphrase === undefined) {
    return `plain:${String(tls.verify ?? true)}:${String(settings.connectTimeoutMs)}`;
  }
  const mac = createHmac('sha256', KEY_SECRET);
  const field = (name: string, value: string | Uint8Array | undefined): void => {
    if (value === undefined) return;
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    // Length-prefixed so no two different settings can run together into one input.
    mac.update(`${name}:${bytes.length}:`);
    mac.update(bytes);
  };
  field('verify', String(tls.verify ?? true));
  const cas = tls.ca === undefined ? [] : typeof tls.ca === 'string' ? [tls.ca] : tls.ca;
  cas.forEach((ca, i) => field(`ca${i}`, ca));
  field('cert', tls.cert);
  field('key', tls.key);
  field('pfx', tls.pfx);
  field('passphrase', tls.passphrase);
  field('proxy', settings.proxy === null ? 'none' : JSON.stringify(settings.proxy));
  field('connect-timeout', String(settings.connectTimeoutMs));
  return mac.digest('base64url');
}

/**
 * Connection pools shared by every send of the process (workbench, flows,
 * CLI): keep-alive connections and TLS session reuse per origin, one pool per
 * set of TLS material and proxy, so two environments with different client
 * certificates or CAs never share a connection.
 */
export class ConnectionPools {
  readonly #pools = new Map<string, Pool>();

  /**
   * The pool for these settings, made on first use (the TLS material is
   * checked then: a broken certificate or wrong passphrase throws here).
   */
  lease(settings: PoolSettings, timing: TimingRecorder): PoolLease {
    const key = poolKey(settings);
    let pool = this.#pools.get(key);
    if (pool) {
      // Most recently used last, for eviction.
      this.#pools.delete(key);
    } else {
      pool = this.#create(settings);
    }
    this.#pools.set(key, pool);
    this.#evict();
    const { waiting } = pool;
    waiting.add(timing);
    const leased = pool;
    return {
      dispatcher: pool.dispatcher,
      release: () => waiting.delete(timing),
      secureContext: () => (leased.secureContext ??= createSecureContext(leased.tls)),
    };
  }

  /** Closes every pool: in-flight sends finish, idle connections are closed. */
  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.dispatcher.close().catch(() => undefined)));
  }

  /** Pools open now (for tests). */
  get size(): number {
    return this.#pools.size;
  }

  #create(settings: PoolSettings): Pool {
    const waiting = new Set<TimingRecorder>();
    const timed = new WeakSet<TimingRecorder>();
    const timingFor = (): TimingRecorder | null => {
      for (const timing of waiting) {
        if (timed.has(timing)) continue;
        timed.add(timing);
        return timing;
      }
      return null;
    };
    const tls = tlsSocketOptions(settings.tls);
    const dispatcher = createDispatcher({
      proxy: settings.proxy,
      tls,
      verifyTls: settings.tls?.verify ?? true,
      connectTimeoutMs: settings.connectTimeoutMs,
      timingFor,
    });
    return { dispatcher, waiting, tls, secureContext: null };
  }

  #evict(): void {
    while (this.#pools.size > MAX_POOLS) {
      const oldest = this.#pools.keys().next();
      if (oldest.done === true) return;
      const pool = this.#pools.get(oldest.value);
      this.#pools.delete(oldest.value);
      void pool?.dispatcher.close().catch(() => undefined);
    }
  }
}

let shared: ConnectionPools | null = null;

/** The process's pools (made on first use). */
export function sharedConnectionPools(): ConnectionPools {
  if (!shared) {
    shared = new ConnectionPools();
    registerPoolCloser(closeConnectionPools);
  }
  return shared;
}

/** Closes the process's pools, e.g. when the app quits; the next send opens new ones. */
export async function closeConnectionPools(): Promise<void> {
  const pools = shared;
  shared = null;
  await pools?.close();
}
