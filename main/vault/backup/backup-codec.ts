import { AuthenticationError, DATA_KEY_BYTES } from '../crypto/aead.ts';
import type { ScryptParams } from '../crypto/scrypt-kdf.ts';
import { documentAuthenticates, openSecret, sealSecret, signDocument, type SecretMeta } from '../crypto/secret-codec.ts';
import { BACKUP_FORMAT, VAULT_SCHEMA_VERSION, serializeDocument } from '../file/vault-document.ts';
import { parseVaultBytes } from '../file/vault-file-problem.ts';
import { unwrapWithPassphrase, wrapWithPassphrase } from '../wrappers/passphrase-wrapper.ts';

export type PlainSecret = SecretMeta & { value: string };

/**
 * A backup is a vault document of its own: a fresh data key wrapped only by
 * the backup passphrase, so it opens on another machine and reveals nothing
 * about the key of the vault it came from.
 */
export async function encodeBackup(
  secrets: readonly PlainSecret[],
  passphrase: string,
  params: ScryptParams,
  randomBytes: (size: number) => Buffer,
): Promise<string> {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  try {
    const vaultId = randomBytes(16).toString('hex');
    const wrapper = await wrapWithPassphrase(dataKey, vaultId, passphrase, params, randomBytes);
    const document = signDocument(dataKey, {
      format: BACKUP_FORMAT,
      version: VAULT_SCHEMA_VERSION,
      vaultId,
      wrappers: [wrapper],
      autoLockMinutes: 0,
      secrets: secrets.map((secret) => sealSecret(dataKey, vaultId, secret, secret.value, randomBytes)),
    });
    return serializeDocument(document);
  } finally {
    dataKey.fill(0);
  }
}

/** Opens a backup: throws VaultFileProblem (bad file), WrongPassphraseError, or AuthenticationError (altered). */
export async function decodeBackup(content: string, passphrase: string): Promise<PlainSecret[]> {
  const document = parseVaultBytes(Buffer.from(content, 'utf8'), '', BACKUP_FORMAT);
  const wrapper = document.wrappers.find((record) => record.type === 'passphrase');
  if (!wrapper) throw new AuthenticationError('The backup has no passphrase-wrapped key.');
  const dataKey = await unwrapWithPassphrase(wrapper, document.vaultId, passphrase);
  try {
    if (!documentAuthenticates(dataKey, document)) {
      throw new AuthenticationError('The backup failed authentication: its list of secrets was altered.');
    }
    return document.secrets.map((record) => ({
      environment: record.environment,
      name: record.name,
      kind: record.kind,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      hint: record.hint,
      ...(record.hosts === undefined ? {} : { hosts: record.hosts }),
      value: openSecret(dataKey, document.vaultId, record),
    }));
  } finally {
    dataKey.fill(0);
  }
}
