import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError, open, seal } from '../crypto/aead.ts';
import { lengthPrefixed } from '../crypto/secret-identity.ts';
import { checkScryptParams, deriveKey, type ScryptParams } from '../crypto/scrypt-kdf.ts';
import type { PassphraseWrapperRecord } from '../file/vault-document.ts';

/** The passphrase given does not open this wrapper. Nothing else about the vault is implied. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase is wrong.');
    this.name = 'WrongPassphraseError';
  }
}

const CHECK_LABEL = 'countersign/passphrase-check/v1';

function wrapAad(vaultId: string): Buffer {
  return lengthPrefixed(['countersign/data-key/passphrase/v1', vaultId]);
}

/** Wraps the data key under a key derived from the passphrase with a fresh salt. */
export async function wrapWithPassphrase(
  dataKey: Buffer,
  vaultId: string,
  passphrase: string,
  params: ScryptParams,
  randomBytes: (size: number) => Buffer,
): Promise<PassphraseWrapperRecord> {
  const salt = randomBytes(16);
  const kek = await deriveKey(passphrase, salt, params);
  try {
    const sealed = seal(kek, dataKey, wrapAad(vaultId), randomBytes);
    return {
      type: 'passphrase',
      kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
      check: passphraseCheck(kek).toString('base64'),
      nonce: sealed.nonce.toString('base64'),
      wrappedKey: sealed.ciphertext.toString('base64'),
      tag: sealed.tag.toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/**
 * Unwraps the data key. A wrong passphrase always costs one full scrypt
 * derivation and a constant-time comparison, whatever it is; an intact check
 * with a failing GCM tag means the wrapped key itself was altered.
 */
export async function unwrapWithPassphrase(record: PassphraseWrapperRecord, vaultId: string, passphrase: string): Promise<Buffer> {
  const params: ScryptParams = { N: record.kdf.N, r: record.kdf.r, p: record.kdf.p };
  const problem = checkScryptParams(params);
  if (problem) throw new AuthenticationError(`The passphrase key record is damaged: ${problem}.`);
  const kek = await deriveKey(passphrase, Buffer.from(record.kdf.salt, 'base64'), params);
  try {
    const expected = Buffer.from(record.check, 'base64');
    const actual = passphraseCheck(kek);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new WrongPassphraseError();
    const sealed = {
      nonce: Buffer.from(record.nonce, 'base64'),
      ciphertext: Buffer.from(record.wrappedKey, 'base64'),
      tag: Buffer.from(record.tag, 'base64'),
    };
    return open(kek, sealed, wrapAad(vaultId), 'The passphrase-wrapped data key');
  } finally {
    kek.fill(0);
  }
}

function passphraseCheck(kek: Buffer): Buffer {
  return createHmac('sha256', kek).update(CHECK_LABEL).digest();
}
