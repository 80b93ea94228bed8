import { createCipheriv, createDecipheriv } from 'node:crypto';

export const DATA_KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** One AES-256-GCM ciphertext with what it takes to open it (the key and the associated data are not stored with it). */
export type Sealed = { nonce: Buffer; ciphertext: Buffer; tag: Buffer };

/** Raised when GCM refuses to open a ciphertext: wrong key, altered bytes, or different associated data. */
export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Encrypts with a fresh random nonce each call; reusing a nonce under one key would break GCM. */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer, randomBytes: (size: number) => Buffer): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; throws AuthenticationError (with `what` in its message) rather than return altered bytes. */
export function open(key: Buffer, sealed: Sealed, aad: Buffer, what: string): Buffer {
  if (sealed.nonce.length !== NONCE_BYTES || sealed.tag.length !== TAG_BYTES) {
    throw new AuthenticationError(`${what} failed authentication: its nonce or tag has the wrong length.`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new AuthenticationError(`${what} failed authentication: it was altered, or belongs to another entry or vault.`);
  }
}
