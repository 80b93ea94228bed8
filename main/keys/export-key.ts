import { createPublicKey, type KeyObject } from 'node:crypto';

/** The public key as SPKI PEM (`BEGIN PUBLIC KEY`): what the gateway's account manager receives. */
export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return pemText(publicKey.export({ type: 'spki', format: 'pem' }));
}

/** Unencrypted PKCS#8 PEM (`BEGIN PRIVATE KEY`): what the vault stores. Encrypted export is in pbes2.ts. */
export function privateKeyPkcs8Pem(key: KeyObject): string {
  return pemText(key.export({ type: 'pkcs8', format: 'pem' }));
}

/** PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), unencrypted, for debug forms that ask for exactly this. */
export function privateKeyPkcs1Pem(key: KeyObject): string {
  return pemText(key.export({ type: 'pkcs1', format: 'pem' }));
}

// Node's typings allow a Buffer for any export; PEM always comes back as text.
function pemText(exported: string | Buffer): string {
  return typeof exported === 'string' ? exported : exported.toString('utf8');
}
