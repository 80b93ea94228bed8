/** Sandbox API users (X-Reference-Id) and their API keys. */
import { randomHex } from '../ids.ts';
import type { MomoCredentials } from '../credentials.ts';
import type { ApiUserFile } from './api-user-file.ts';

export type ApiUser = {
  providerCallbackHost: string;
  apiKey: string | undefined;
  /** The published user's documented key, which stays valid whatever keys are issued after it. */
  fixedKey?: string;
};

export type ApiUsers = {
  create: (id: string, providerCallbackHost: string) => boolean;
  get: (id: string) => ApiUser | undefined;
  /** A new key replaces the old one, as on the real portal (the published user's documented key stays valid too). */
  newKey: (id: string) => string | undefined;
  /** The key is one this user may use now. */
  keyMatches: (user: ApiUser, apiKey: string, same: (a: string, b: string) => boolean) => boolean;
};

export function createApiUsers(seed: MomoCredentials, randomBytes: (size: number) => Buffer, store?: ApiUserFile): ApiUsers {
  const users = new Map<string, ApiUser>(store?.load() ?? []);
  users.set(seed.apiUser.toLowerCase(), { providerCallbackHost: seed.providerCallbackHost, apiKey: seed.apiKey, fixedKey: seed.apiKey });
  const save = () => store?.save([...users].filter(([id]) => id !== seed.apiUser.toLowerCase()));
  return {
    create(id, providerCallbackHost) {
      if (users.has(id.toLowerCase())) return false;
      users.set(id.toLowerCase(), { providerCallbackHost, apiKey: undefined });
      save();
      return true;
    },
    get: (id) => users.get(id.toLowerCase()),
    newKey(id) {
      const user = users.get(id.toLowerCase());
      if (!user) return undefined;
      const apiKey = randomHex(randomBytes, 16);
      user.apiKey = apiKey;
      save();
      return apiKey;
    },
    // Samples and docs rely on the published key: a new key for that user must not break every other sandbox call.
    keyMatches: (user, apiKey, same) => (user.apiKey !== undefined && same(apiKey, user.apiKey)) || (user.fixedKey !== undefined && same(apiKey, user.fixedKey)),
  };
}
