/** Remembers (consumer, timestamp, nonce) within the freshness window to refuse replays. */

export type NonceGuard = { seenBefore: (consumerKey: string, timestamp: string, nonce: string) => boolean };

export function createNonceGuard(now: () => number, windowSeconds: number): NonceGuard {
  const seen = new Map<string, number>();
  return {
    seenBefore(consumerKey, timestamp, nonce) {
      const current = now();
      for (const [key, expiresAt] of seen) if (expiresAt <= current) seen.delete(key);
      const key = `${consumerKey}\u0000${timestamp}\u0000${nonce}`;
      if (seen.has(key)) return true;
      seen.set(key, current + 2 * windowSeconds * 1000);
      return false;
    },
  };
}
