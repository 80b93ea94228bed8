import type { SecretKind } from '../../contract/vault.ts';

export type SecretIdentity = { environment: string; name: string; kind: SecretKind };

const DOMAIN = 'countersign/secret/v1';

/**
 * The associated data of a secret's ciphertext: its identity, each part
 * length-prefixed so no two identities encode alike ("a:b" + "c" vs "a" + "b:c").
 * Binding the ciphertext to it is what makes swapping two entries' values fail.
 */
export function encodeSecretIdentity(vaultId: string, identity: SecretIdentity): Buffer {
  return lengthPrefixed([DOMAIN, vaultId, identity.environment, identity.name, identity.kind]);
}

export function lengthPrefixed(parts: readonly string[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    chunks.push(length, bytes);
  }
  return Buffer.concat(chunks);
}
