import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, checkScryptParams, deriveKey } from '../../../main/vault/crypto/scrypt-kdf.ts';

describe('scrypt parameters', () => {
  it('the default cost takes at least 100 ms per derivation', async () => {
    const started = performance.now();
    const key = await deriveKey('a passphrase', Buffer.alloc(16, 1), DEFAULT_SCRYPT_PARAMS);
    const elapsed = performance.now() - started;
    expect(key).toHaveLength(32);
    expect(elapsed).toBeGreaterThanOrEqual(100);
  });

  it('refuses parameters from a tampered file that would exhaust memory or time', async () => {
    expect(checkScryptParams({ N: 2 ** 30, r: 8, p: 1 })).toMatch(/power of two/);
    expect(checkScryptParams({ N: 1000, r: 8, p: 1 })).toMatch(/power of two/);
    expect(checkScryptParams({ N: 2 ** 20, r: 32, p: 16 })).toMatch(/memory/);
    await expect(deriveKey('x', Buffer.alloc(16), { N: 2 ** 8, r: 8, p: 1 })).rejects.toThrow(RangeError);
  });

  it('derives the same key for the same passphrase in either Unicode form', async () => {
    const params = { N: 2 ** 10, r: 8, p: 1 };
    const composed = await deriveKey('caf\u00e9 passphrase', Buffer.alloc(16), params);
    const decomposed = await deriveKey('cafe\u0301 passphrase', Buffer.alloc(16), params);
    expect(composed.equals(decomposed)).toBe(true);
  });
});
