/** Provisioned sandbox API users on disk: sandbox keys that protect nothing, kept so users created by a flow still work after a restart. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ApiUser } from './api-users.ts';

export type ApiUserFile = {
  load(): [string, ApiUser][];
  save(users: [string, ApiUser][]): void;
};

const Stored = z.array(z.tuple([z.string().max(100), z.object({ providerCallbackHost: z.string().max(255), apiKey: z.string().max(200).optional() })])).max(10_000);

export function apiUserFile(path: string, log: (line: string) => void): ApiUserFile {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return [];
      }
      try {
        const parsed = Stored.parse(JSON.parse(text));
        return parsed.map(([id, user]) => [id, { providerCallbackHost: user.providerCallbackHost, apiKey: user.apiKey }]);
      } catch {
        log(`momo: ${path} is not a list of API users; starting without them`);
        return [];
      }
    },
    save(users) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        const temp = `${path}.${String(process.pid)}.tmp`;
        writeFileSync(temp, JSON.stringify(users.map(([id, user]) => [id, { providerCallbackHost: user.providerCallbackHost, ...(user.apiKey === undefined ? {} : { apiKey: user.apiKey }) }])), { mode: 0o600 });
        renameSync(temp, path);
      } catch (error) {
        log(`momo: could not save API users to ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
