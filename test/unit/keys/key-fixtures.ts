import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Public test material made once with openssl (see docs/keys.md). */
export const fixture = (file: string): Buffer => readFileSync(join(FIXTURES, file));

/**
 * The SHA-256 of fixture-public.pem's SPKI DER as printed by
 * `openssl pkey -pubin -in fixture-public.pem -outform DER | sha256sum` (and `| base64` of the binary digest).
 */
export const FIXTURE_SHA256_HEX = '5259139e5f434f0e76d9c641f2bcd1950779214a5f160ad3a2a28c70bb406609';
export const FIXTURE_SHA256_BASE64 = 'UlkTnl9DTw522cZB8rzRlQd5IUpfFgrToqKMcLtAZgk=';

const cache = new Map<string, KeyObject>();

/** One RSA private key per label and size, made once per test file. */
export function rsaKey(label: string, bits = 2048): KeyObject {
  const id = `${label}/${bits}`;
  let key = cache.get(id);
  if (!key) {
    key = generateKeyPairSync('rsa', { modulusLength: bits }).privateKey;
    cache.set(id, key);
  }
  return key;
}

export const pem = (value: string | Buffer): string => (typeof value === 'string' ? value : value.toString('utf8'));
