import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { SigningError } from './errors.ts';

export type RsaKeyInfo = { readonly key: KeyObject; readonly shape: string };

// Parsing a PEM (and deriving the key of an encrypted one) costs more than an
// RSA signature, so recently used keys stay parsed, in memory only.
const CACHE_LIMIT = 8;
const cache = new Map<string, RsaKeyInfo>();

/** Loads a PKCS#1 or PKCS#8 PEM private key, encrypted or not. */
export function loadRsaPrivateKey(pem: string, passphrase?: string): RsaKeyInfo {
  const id = createHash('sha256').update(pem).update('\0').update(passphrase ?? '').digest('base64');
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const info = parse(pem, passphrase);
  cache.set(id, info);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return info;
}

function parse(pem: string, passphrase: string | undefined): RsaKeyInfo {
  const container = describeContainer(pem);
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase === undefined ? { key: pem, format: 'pem' } : { key: pem, format: 'pem', passphrase });
  } catch {
    // node's message can quote the input; say what is wrong without it.
    throw new SigningError(
      container.encrypted
        ? `The RSA private key (${container.format}, encrypted) could not be opened: is the passphrase right?`
        : `The RSA private key could not be read: expected a PKCS#1 or PKCS#8 PEM private key.`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new SigningError(`The private key is ${key.asymmetricKeyType ?? 'not an asymmetric key'}, not RSA.`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  const shape = `RSA private key (${bits}-bit, ${container.format} PEM${container.encrypted ? ', encrypted' : ''})`;
  return { key, shape };
}

function describeContainer(pem: string): { format: string; encrypted: boolean } {
  if (pem.includes('BEGIN ENCRYPTED PRIVATE KEY')) return { format: 'PKCS#8', encrypted: true };
  if (pem.includes('BEGIN RSA PRIVATE KEY')) return { format: 'PKCS#1', encrypted: pem.includes('ENCRYPTED') };
  return { format: 'PKCS#8', encrypted: false };
}

/** Forgets every parsed private key: call it when the vault locks. */
export function clearRsaKeyCache(): void {
  cache.clear();
}
