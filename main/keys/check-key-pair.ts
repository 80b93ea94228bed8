import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const PROBE = Buffer.from('countersign key pair check');

/**
 * Signs a fixed probe and verifies it with the derived public key. Node does
 * not run OpenSSL's RSA consistency check on import, and a key whose parts do
 * not match would otherwise only fail later, at the gateway.
 */
export function checkKeyPair(privateKey: KeyObject): boolean {
  try {
    const signature = sign('sha256', PROBE, privateKey);
    return verify('sha256', PROBE, createPublicKey(privateKey), signature);
  } catch {
    return false;
  }
}
