import { generateKeyPair, type KeyObject } from 'node:crypto';
import type { KeySize } from '../contract/keys.ts';

export const RSA_PUBLIC_EXPONENT = 65537;

export type GeneratedKeyPair = { privateKey: KeyObject; publicKey: KeyObject };
/** Injected into the key service so tests can hand out prepared keys instantly. */
export type KeyPairGenerator = (bits: KeySize) => Promise<GeneratedKeyPair>;

/**
 * Node's async generateKeyPair runs OpenSSL in libuv's thread pool, so the
 * event loop keeps serving IPC and the UI while primes are searched for.
 */
export const generateRsaKeyPair: KeyPairGenerator = (bits) =>
  new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: bits, publicExponent: RSA_PUBLIC_EXPONENT }, (error, publicKey, privateKey) => {
      if (error) reject(error);
      else resolve({ publicKey, privateKey });
    });
  });
