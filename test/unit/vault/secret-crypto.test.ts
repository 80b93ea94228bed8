import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../../main/vault/crypto/aead.ts';
import { openSecret, sealSecret, type SecretMeta } from '../../../main/vault/crypto/secret-codec.ts';
import { encodeSecretIdentity } from '../../../main/vault/crypto/secret-identity.ts';
import type { SecretRecord } from '../../../main/vault/file/vault-document.ts';
import { flipByte } from './helpers.ts';

const key = randomBytes(32);
const vaultId = 'vault-1';
const meta = (name: string, environment = 'sandbox'): SecretMeta => ({
  environment,
  name,
  kind: 'text',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  hint: null,
});

describe('secret encryption', () => {
  it('round-trips a value, including a 1 MiB PEM-like bundle and non-ASCII text', () => {
    const big = `-----BEGIN CERTIFICATE-----\n${'A'.repeat(1024 * 1024)}\n-----END CERTIFICATE-----\n`;
    for (const value of ['s3cr3t', 'mật khẩu 🔑', big]) {
      const record = sealSecret(key, vaultId, meta('client_secret'), value, randomBytes);
      expect(openSecret(key, vaultId, record)).toBe(value);
    }
  });

  it('uses a fresh nonce for every encryption of the same value', () => {
    const a = sealSecret(key, vaultId, meta('x'), 'same', randomBytes);
    const b = sealSecret(key, vaultId, meta('x'), 'same', randomBytes);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses every single-byte change of the ciphertext, the nonce and the tag', () => {
    const record = sealSecret(key, vaultId, meta('client_secret'), 'a value of some length', randomBytes);
    for (const field of ['ciphertext', 'nonce', 'tag'] as const) {
      const length = Buffer.from(record[field], 'base64').length;
      for (let i = 0; i < length; i++) {
        const altered: SecretRecord = { ...record, [field]: flipByte(record[field], i) };
        expect(() => openSecret(key, vaultId, altered), `${field}[${i}]`).toThrow(AuthenticationError);
      }
    }
  });

  it('refuses a ciphertext moved to another entry, environment, kind or vault', () => {
    const record = sealSecret(key, vaultId, meta('client_secret'), 'value', randomBytes);
    expect(() => openSecret(key, vaultId, { ...record, name: 'api_key' })).toThrow(AuthenticationError);
    expect(() => openSecret(key, vaultId, { ...record, environment: 'production' })).toThrow(AuthenticationError);
    expect(() => openSecret(key, vaultId, { ...record, kind: 'passphrase' })).toThrow(AuthenticationError);
    expect(() => openSecret(key, 'vault-2', record)).toThrow(AuthenticationError);
    expect(() => openSecret(randomBytes(32), vaultId, record)).toThrow(AuthenticationError);
  });

  it('encodes identities without ambiguity between parts', () => {
    const a = encodeSecretIdentity('v', { environment: 'a:b', name: 'c', kind: 'text' });
    const b = encodeSecretIdentity('v', { environment: 'a', name: 'b:c', kind: 'text' });
    expect(a.equals(b)).toBe(false);
    const kind = fc.constantFrom('text' as const, 'rsa_private_key' as const, 'certificate' as const, 'passphrase' as const);
    const identity = fc.record({ environment: fc.string(), name: fc.string(), kind });
    fc.assert(
      fc.property(identity, identity, (x, y) => {
        const same = x.environment === y.environment && x.name === y.name && x.kind === y.kind;
        expect(encodeSecretIdentity('v', x).equals(encodeSecretIdentity('v', y))).toBe(same);
      }),
    );
  });

  it('names the entry but never the value when authentication fails', () => {
    const record = sealSecret(key, vaultId, meta('client_secret'), 'hunter2-value', randomBytes);
    try {
      openSecret(key, vaultId, { ...record, tag: flipByte(record.tag, 0) });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain('client_secret');
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
