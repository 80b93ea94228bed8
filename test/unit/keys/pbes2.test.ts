import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../main/keys/fingerprint.ts';
import { EXPORT_PBKDF2_ITERATIONS, encryptedPkcs8Pem } from '../../../main/keys/pbes2.ts';
import { rsaKey } from './key-fixtures.ts';

const key = rsaKey('pbes2');
const fixedRandom = (size: number) => Buffer.alloc(size, 7);

describe('encryptedPkcs8Pem', () => {
  it('opens with its passphrase in node:crypto (OpenSSL) as the same key', async () => {
    const pem = await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000 });
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END ENCRYPTED PRIVATE KEY-----\n$/);
    const opened = createPrivateKey({ key: pem, passphrase: 'a long passphrase' });
    expect(fingerprintOf(createPublicKey(opened))).toEqual(fingerprintOf(createPublicKey(key)));
  });

  it('does not open with another passphrase', async () => {
    const pem = await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000 });
    expect(() => createPrivateKey({ key: pem, passphrase: 'a long passphrasE' })).toThrow();
  });

  it('uses fresh salt and IV each time, and is reproducible when they are fixed', async () => {
    const first = await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000 });
    const second = await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000 });
    expect(first).not.toBe(second);
    const fixedA = await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000, randomBytes: fixedRandom });
    const fixedB = await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000, randomBytes: fixedRandom });
    expect(fixedA).toBe(fixedB);
  });

  it('records the iteration count in the file (600 000 by default)', async () => {
    expect(EXPORT_PBKDF2_ITERATIONS).toBe(600_000);
    const der = (pem: string) => Buffer.from(pem.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64');
    // INTEGER 600000 and INTEGER 1000 as DER.
    expect(der(await encryptedPkcs8Pem(key, 'a long passphrase')).includes(Buffer.from('02030927c0', 'hex'))).toBe(true);
    expect(der(await encryptedPkcs8Pem(key, 'a long passphrase', { iterations: 1000 })).includes(Buffer.from('020203e8', 'hex'))).toBe(true);
  });
});
