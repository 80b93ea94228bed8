import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { Fingerprint } from '../contract/keys.ts';

/**
 * SHA-256 over the public key's SPKI DER: the same bytes
 * `openssl pkey -pubout -outform DER | sha256sum` hashes, so a user can check
 * the figure against the gateway's copy with standard tools. A private key
 * gives the fingerprint of its public half.
 */
export function fingerprintOf(key: KeyObject): Fingerprint {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const digest = createHash('sha256').update(spki).digest();
  return { sha256Hex: colonHex(digest), sha256Base64: digest.toString('base64') };
}

function colonHex(bytes: Buffer): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
