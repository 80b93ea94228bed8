import { z } from 'zod';
import { SecretKind } from '../../contract/vault.ts';

/**
 * The vault file. Version 2 adds `hosts` to each secret (where it may be
 * sent); version 1 files are read and migrated on the first write. Binary
 * fields are base64. Nothing in it is
 * secret in clear: values are AES-256-GCM ciphertexts, the data key is only
 * present wrapped, and the index MAC authenticates the metadata.
 */
export const VAULT_FORMAT = 'countersign-vault';
export const BACKUP_FORMAT = 'countersign-vault-backup';
export const VAULT_SCHEMA_VERSION = 2;
/** Secrets a version 1 file holds carry no `hosts` yet. */
export const FIRST_SCHEMA_VERSION = 1;
export const MAX_HOSTS_PER_SECRET = 32;

const bytes = (length?: number) =>
  z.base64().refine((text) => length === undefined || Buffer.from(text, 'base64').length === length, {
    message: `expected ${String(length)} bytes`,
  });

export const PassphraseWrapperRecord = z.object({
  type: z.literal('passphrase'),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: bytes(16) }),
  /** An HMAC under the derived key: tells a wrong passphrase apart from an altered wrapped key. */
  check: bytes(32),
  nonce: bytes(12),
  wrappedKey: bytes(32),
  tag: bytes(16),
});
export type PassphraseWrapperRecord = z.infer<typeof PassphraseWrapperRecord>;

export const SafeStorageWrapperRecord = z.object({
  type: z.literal('safe-storage'),
  backend: z.string().max(64).nullable(),
  blob: bytes(),
});
export type SafeStorageWrapperRecord = z.infer<typeof SafeStorageWrapperRecord>;

export const WrapperRecord = z.discriminatedUnion('type', [PassphraseWrapperRecord, SafeStorageWrapperRecord]);
export type WrapperRecord = z.infer<typeof WrapperRecord>;

export const SecretRecord = z.object({
  environment: z.string().min(1).max(64),
  name: z.string().min(1).max(128),
  kind: SecretKind,
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
  hint: z.string().max(32).nullable(),
  /** Where the value may be sent: host[:port] as in URL.host, or a symbol such as "builtin:sandbox". Absent only in version 1. */
  hosts: z.array(z.string().min(1).max(300)).max(MAX_HOSTS_PER_SECRET).optional(),
  nonce: bytes(12),
  ciphertext: z.base64(),
  tag: bytes(16),
});
export type SecretRecord = z.infer<typeof SecretRecord>;

export const VaultDocument = z.object({
  format: z.enum([VAULT_FORMAT, BACKUP_FORMAT]),
  version: z.union([z.literal(FIRST_SCHEMA_VERSION), z.literal(VAULT_SCHEMA_VERSION)]),
  vaultId: z.string().min(1).max(64),
  wrappers: z.array(WrapperRecord).min(1).max(8),
  autoLockMinutes: z.number().int().min(0),
  secrets: z.array(SecretRecord),
  mac: bytes(32),
});
export type VaultDocument = z.infer<typeof VaultDocument>;

export function serializeDocument(document: VaultDocument): string {
  return `${JSON.stringify(document, null, 1)}\n`;
}
