/** Provisioned sandbox API users on disk, kept so users created by a flow still work after a restart. Keys are kept as digests only. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ensurePrivateDirSync } from '../../platform/private-dir.ts';
import { apiKeyDigest, type ApiUser } from './api-users.ts';

export type LoadedApiUsers = {
  users: ApiUser[];
  /** The file held keys in clear (written before digests): the caller rewrites it. */
  migrated: boolean;
};

export type ApiUserFile = {
  load(): LoadedApiUsers;
  save(users: ApiUser[]): void;
};

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
// Old files carry `apiKey` in clear; new ones `apiKeyHash`.
const Stored = z
  .array(z.tuple([z.string().max(100), z.object({ providerCallbackHost: z.string().max(255), apiKeyHash: Hex64.optional(), apiKey: z.string().max(200).optional() })]))
  .max(10_000);

export function apiUserFile(path: string, log: (line: string) => void): ApiUserFile {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return { users: [], migrated: false };
      }
      try {
        const parsed = Stored.parse(JSON.parse(text));
        let migrated = false;
        const users = parsed.map(([rawId, user]): ApiUser => {
          const id = rawId.toLowerCase();
          if (user.apiKey !== undefined) migrated = true;
          const apiKeyHash = user.apiKeyHash ?? (user.apiKey === undefined ? undefined : apiKeyDigest(id, user.apiKey));
          return { id, providerCallbackHost: user.providerCallbackHost, apiKeyHash };
        });
        return { users, migrated };
      } catch {
        log(`momo: ${path} is not a list of API users; starting without them`);
        return { users: [], migrated: false };
      }
    },
    save(users) {
      try {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        ensurePrivateDirSync(dirname(path));
        const temp = `${path}.${String(process.pid)}.tmp`;
        const stored = users.map((user) => [user.id, { providerCallbackHost: user.providerCallbackHost, ...(user.apiKeyHash === undefined ? {} : { apiKeyHash: user.apiKeyHash }) }]);
        writeFileSync(temp, JSON.stringify(stored), { mode: 0o600 });
        renameSync(temp, path);
      } catch (error) {
        log(`momo: could not save API users to ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
