/** Sandbox API users (X-Reference-Id) and their API keys. */
import { randomHex } from '../ids.ts';
import type { MomoCredentials } from '../credentials.ts';

export type ApiUser = { providerCallbackHost: string; apiKey: string | undefined };

export type ApiUsers = {
  create: (id: string, providerCallbackHost: string) => boolean;
  get: (id: string) => ApiUser | undefined;
  /** A new key replaces the old one, as on the real portal. */
  newKey: (id: string) => string | undefined;
};

export function createApiUsers(seed: MomoCredentials, randomBytes: (size: number) => Buffer): ApiUsers {
  const users = new Map<string, ApiUser>([
    [seed.apiUser.toLowerCase(), { providerCallbackHost: seed.providerCallbackHost, apiKey: seed.apiKey }],
  ]);
  return {
    create(id, providerCallbackHost) {
      if (users.has(id.toLowerCase())) return false;
      users.set(id.toLowerCase(), { providerCallbackHost, apiKey: undefined });
      return true;
    },
    get: (id) => users.get(id.toLowerCase()),
    newKey(id) {
      const user = users.get(id.toLowerCase());
      if (!user) return undefined;
      user.apiKey = randomHex(randomBytes, 16);
      return user.apiKey;
    },
  };
}
