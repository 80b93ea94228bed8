import { open, seal } from './aead.ts';
import { encodeSecretIdentity, type SecretIdentity } from './secret-identity.ts';
import { computeIndexMac, indexMacMatches, type IndexContent } from './index-mac.ts';
import type { SecretRecord, VaultDocument } from '../file/vault-document.ts';

export type SecretMeta = SecretIdentity & { createdAt: string; updatedAt: string; hint: string | null; hosts?: readonly string[] | undefined };

/** Encrypts one value under the data key, bound to its identity and vault. */
export function sealSecret(
  dataKey: Buffer,
  vaultId: string,
  meta: SecretMeta,
  value: string,
  randomBytes: (size: number) => Buffer,
): SecretRecord {
  const plaintext = Buffer.from(value, 'utf8');
  try {
    const sealed = seal(dataKey, plaintext, encodeSecretIdentity(vaultId, meta), randomBytes);
    return {
      environment: meta.environment,
      name: meta.name,
      kind: meta.kind,
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt,
      hint: meta.hint,
      ...(meta.hosts === undefined ? {} : { hosts: [...meta.hosts] }),
      nonce: sealed.nonce.toString('base64'),
      ciphertext: sealed.ciphertext.toString('base64'),
      tag: sealed.tag.toString('base64'),
    };
  } finally {
    plaintext.fill(0);
  }
}

/** Decrypts one value; throws AuthenticationError if any byte of it, or its identity, was changed. */
export function openSecret(dataKey: Buffer, vaultId: string, record: SecretRecord): string {
  const sealed = {
    nonce: Buffer.from(record.nonce, 'base64'),
    ciphertext: Buffer.from(record.ciphertext, 'base64'),
    tag: Buffer.from(record.tag, 'base64'),
  };
  const plaintext = open(dataKey, sealed, encodeSecretIdentity(vaultId, record), `The secret "${record.name}" in ${record.environment}`);
  try {
    return plaintext.toString('utf8');
  } finally {
    plaintext.fill(0);
  }
}

function indexOf(document: Omit<VaultDocument, 'mac'>): IndexContent {
  return { vaultId: document.vaultId, autoLockMinutes: document.autoLockMinutes, secrets: document.secrets };
}

/** Returns the document with a fresh index MAC. */
export function signDocument(dataKey: Buffer, document: Omit<VaultDocument, 'mac'>): VaultDocument {
  return { ...document, mac: computeIndexMac(dataKey, indexOf(document)).toString('base64') };
}

export function documentAuthenticates(dataKey: Buffer, document: VaultDocument): boolean {
  return indexMacMatches(dataKey, indexOf(document), Buffer.from(document.mac, 'base64'));
}
