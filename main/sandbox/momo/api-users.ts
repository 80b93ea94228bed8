/** Sandbox API users (X-Reference-Id) and their API keys. */
import { createHmac } from 'node:crypto';
import { randomHex } from '../ids.ts';
import type { MomoCredentials } from '../credentials.ts';
import type { ApiUserFile } from './api-user-file.ts';

export type ApiUser = {
  /** Lower case: ids are matched without regard to case. */
  id: string;
  providerCallbackHost: string;
  /** Only a digest of an issued key is kept, in memory and on disk: enough to check it, useless to send. */
  apiKeyHash: string | undefined;
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

/**
 * HMAC-SHA256 of the key under the user id. Issued keys are 128 random bits,
 * so a fast digest cannot be brute-forced; the id keeps equal keys of two
 * users from having equal digests.
 */
export function apiKeyDigest(userId: string, apiKey: string): string {
  return createHmac('sha256', `countersign-momo-api-user:${userId.toLowerCase()}`).update(apiKey, 'utf8').digest('hex');
}

export function createApiUsers(seed: MomoCredentials, randomBytes: (size: number) => Buffer, store?: ApiUserFile): ApiUsers {
  const loaded = store?.load() ?? { users: [], migrated: false };
  const users = new Map<string, ApiUser>(loaded.users.map((user) => [user.id, user]));
  users.set(seed.apiUser.toLowerCase(), { id: seed.apiUser.toLowerCase(), providerCallbackHost: seed.providerCallbackHost, apiKeyHash: undefined, fixedKey: seed.apiKey });
  const save = () => store?.save([...users.values()].filter((user) => user.id !== seed.apiUser.toLowerCase()));
  // A file from before digests held keys in clear: rewrite it now, not at the next change.
  if (loaded.migrated) save();
  return {
    create(id, providerCallbackHost) {
      if (users.has(id.toLowerCase())) return false;
      users.set(id.toLowerCase(), { id: id.toLowerCase(), providerCallbackHost, apiKeyHash: undefined });
      save();
      return true;
    },
    get: (id) => users.get(id.toLowerCase()),
    newKey(id) {
      const user = users.get(id.toLowerCase());
      if (!user) return undefined;
      const apiKey = randomHex(randomBytes, 16);
      user.apiKeyHash = apiKeyDigest(id, apiKey);
      save();
      return apiKey;
    },
    // Samples and docs rely on the published key: a new key for that user must not break every other sandbox call.
    keyMatches: (user, apiKey, same) =>
      (user.apiKeyHash !== undefined && same(apiKeyDigest(user.id, apiKey), user.apiKeyHash)) || (user.fixedKey !== undefined && same(apiKey, user.fixedKey)),
  };
}
