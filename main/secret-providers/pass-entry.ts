import { homedir } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from '../contract/errors.ts';
import type { ProcessEnvironment } from './env-provider.ts';

/** countersign/<environment>: lower-cased, every character other than a-z, 0-9, "." "_" "@" "-" written as "-". */
export function defaultPassPrefix(environment: string): string {
  return `countersign/${environment.toLowerCase().replace(/[^\p{L}\p{N}._@-]/gu, '-')}`;
}

/** The pass entry for a secret: <prefix>/<name>. A name with "." or ".." segments could leave the prefix, so it is refused. */
export function passEntryName(prefix: string, name: string): string {
  if (name.split('/').some((segment) => segment === '.' || segment === '..' || segment === '')) {
    throw new ServiceError('secret_provider_failed', `The secret name "${name}" cannot be read from pass: a name with empty, "." or ".." path segments would leave the prefix ${prefix}/.`);
  }
  return `${prefix}/${name}`;
}

/** Where pass keeps its store: PASSWORD_STORE_DIR, else ~/.password-store (as pass itself decides). */
export function passStoreDir(env: ProcessEnvironment): string {
  const fromEnv = env.PASSWORD_STORE_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir(), '.password-store');
}
