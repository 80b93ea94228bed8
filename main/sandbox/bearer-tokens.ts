/** Opaque access tokens issued by one emulated gateway, with expiry. */
import { randomHex } from './ids.ts';

export type BearerCheck = { ok: true; subject: string } | { ok: false; reason: string };

export type BearerTokens = {
  issue: (subject: string) => { accessToken: string; expiresIn: number };
  check: (authorization: string | undefined) => BearerCheck;
};

export function createBearerTokens(options: {
  prefix: string;
  now: () => number;
  randomBytes: (size: number) => Buffer;
  lifetimeSeconds: number;
}): BearerTokens {
  const tokens = new Map<string, { subject: string; expiresAt: number }>();
  const prune = (now: number) => {
    for (const [token, entry] of tokens) if (entry.expiresAt <= now) tokens.delete(token);
  };
  return {
    issue(subject) {
      const now = options.now();
      prune(now);
      const accessToken = `${options.prefix}${randomHex(options.randomBytes, 24)}`;
      tokens.set(accessToken, { subject, expiresAt: now + options.lifetimeSeconds * 1000 });
      return { accessToken, expiresIn: options.lifetimeSeconds };
    },
    check(authorization) {
      if (authorization === undefined) return { ok: false, reason: 'the Authorization header is missing' };
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match?.[1]) return { ok: false, reason: 'the Authorization header is not "Bearer <token>"' };
      const entry = tokens.get(match[1]);
      if (!entry) return { ok: false, reason: 'the bearer token is unknown to this sandbox (was it issued by another run?)' };
      if (entry.expiresAt <= options.now()) return { ok: false, reason: 'the bearer token has expired' };
      return { ok: true, subject: entry.subject };
    },
  };
}
