import type { Clock } from './types.ts';

/** What a token endpoint issued. */
export type IssuedToken = {
  readonly accessToken: string;
  readonly tokenType: string;
  /** Seconds; absent means the server did not say, and the token is kept until a 401 drops it. */
  readonly expiresIn?: number | undefined;
};

export type CachedToken = IssuedToken & {
  readonly obtainedAt: number;
  /** Epoch ms after which the token is not used any more (expiry minus the margin). */
  readonly useUntil: number | undefined;
};

/** Tokens are cached per environment, token URL and client (MoMo: the API user). */
export type TokenKey = { readonly environment: string; readonly tokenUrl: string; readonly clientId: string };

export const DEFAULT_EXPIRY_MARGIN_SECONDS = 60;

/** Each part after its length, so no two keys read alike (cheaper than JSON: every send with a token looks one up). */
function keyOf(key: TokenKey): string {
  return `${String(key.environment.length)}:${key.environment}${String(key.tokenUrl.length)}:${key.tokenUrl}${key.clientId}`;
}

/**
 * An in-memory token cache (tokens never touch the disk). Concurrent callers
 * for the same key share one fetch; a failed fetch is not cached, so the next
 * caller tries again.
 */
export class TokenCache {
  readonly #clock: Clock;
  readonly #tokens = new Map<string, CachedToken>();
  readonly #pending = new Map<string, Promise<CachedToken>>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** The key's token if it is cached and still inside its lifetime, without waiting (a send with a cached token need not await). */
  cached(key: TokenKey): CachedToken | undefined {
    const cached = this.#tokens.get(keyOf(key));
    return cached !== undefined && (cached.useUntil === undefined || this.#clock.now() < cached.useUntil) ? cached : undefined;
  }

  /** A usable token for the key: cached if still inside its lifetime, else fetched (once for all waiters). */
  async get(
    key: TokenKey,
    fetch: () => Promise<IssuedToken>,
    marginSeconds = DEFAULT_EXPIRY_MARGIN_SECONDS,
  ): Promise<{ token: CachedToken; fromCache: boolean }> {
    const id = keyOf(key);
    const cached = this.#tokens.get(id);
    if (cached !== undefined && (cached.useUntil === undefined || this.#clock.now() < cached.useUntil)) {
      return { token: cached, fromCache: true };
    }
    let pending = this.#pending.get(id);
    if (pending === undefined) {
      pending = this.#fetch(id, fetch, marginSeconds);
      this.#pending.set(id, pending);
    }
    return { token: await pending, fromCache: false };
  }

  async #fetch(id: string, fetch: () => Promise<IssuedToken>, marginSeconds: number): Promise<CachedToken> {
    try {
      const issued = await fetch();
      const obtainedAt = this.#clock.now();
      // A short-lived token would otherwise be stale on arrival: never take more than half its life.
      const margin = issued.expiresIn === undefined ? 0 : Math.min(marginSeconds, issued.expiresIn / 2);
      const useUntil = issued.expiresIn === undefined ? undefined : obtainedAt + (issued.expiresIn - margin) * 1000;
      const token: CachedToken = { ...issued, obtainedAt, useUntil };
      this.#tokens.set(id, token);
      return token;
    } finally {
      this.#pending.delete(id);
    }
  }

  /**
   * Forgets the key's token. With `accessToken`, only if it is still that
   * token: a 401 for an old token must not throw away a fresh one.
   */
  drop(key: TokenKey, accessToken?: string): void {
    const id = keyOf(key);
    const cached = this.#tokens.get(id);
    if (cached !== undefined && (accessToken === undefined || cached.accessToken === accessToken)) this.#tokens.delete(id);
  }

  clear(): void {
    this.#tokens.clear();
  }

  get size(): number {
    return this.#tokens.size;
  }
}
