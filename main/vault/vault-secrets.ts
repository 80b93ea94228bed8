import type { AddSecretInput, DeleteSecretInput, RotateSecretInput, SecretKind, SecretMetadata } from '../contract/vault.ts';
import { ServiceError } from '../contract/errors.ts';
import { importPrivateKey } from '../keys/import-private-key.ts';
import { AuthenticationError } from './crypto/aead.ts';
import { openSecret, sealSecret, type SecretMeta } from './crypto/secret-codec.ts';
import { normalizeHosts } from './hosts/host-names.ts';
import type { SecretRecord, VaultDocument } from './file/vault-document.ts';
import { maskedHint } from './hints.ts';
import { shortValueNotice } from './short-value-notice.ts';
import { vaultErrors } from './vault-errors.ts';
import type { Session, VaultSession } from './vault-session.ts';

/** A main-only reason to decrypt a value; nothing in the contract reaches this. */
export type RevealPurpose = 'signing' | 'export' | 'clipboard';

export type SecretsOptions = {
  /** The environment's base-URL hosts: where a new secret may go unless told otherwise. */
  defaultHosts: (environment: string) => string[];
  clock: () => Date;
  randomBytes: (size: number) => Buffer;
  onReveal: ((event: { environment: string; name: string; purpose: RevealPurpose }) => void) | undefined;
};

export function findRecord(document: VaultDocument, environment: string, name: string): SecretRecord | undefined {
  return document.secrets.find((record) => record.environment === environment && record.name === name);
}

export function toMetadata(record: SecretRecord): SecretMetadata {
  return {
    environment: record.environment,
    name: record.name,
    kind: record.kind,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    hint: record.hint,
    hosts: record.hosts ?? null,
  };
}

/** What a re-sealed record keeps of the old one. */
export function identityOf(record: SecretRecord): SecretMeta {
  return {
    environment: record.environment,
    name: record.name,
    kind: record.kind,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    hint: record.hint,
    ...(record.hosts === undefined ? {} : { hosts: record.hosts }),
  };
}

/** Decrypts one record; a ciphertext that fails authentication is "damaged", naming the entry. */
export function decryptRecord(session: Session, record: SecretRecord): string {
  try {
    return openSecret(session.dataKey, session.document.vaultId, record);
  } catch (error) {
    if (error instanceof AuthenticationError) throw vaultErrors.damagedSecret(record.environment, record.name);
    throw error;
  }
}

/**
 * Refuses values the contract would refuse, for callers that skip the
 * contract (the CLI, the key store, backups), and holds every stored RSA key
 * to the one key check (type, 2048-bit minimum, consistency).
 */
export function checkedValue(kind: SecretKind, value: string): string {
  if (value.trim().length === 0) throw new ServiceError('invalid_input', 'A secret value cannot be empty.');
  if (kind === 'rsa_private_key') importPrivateKey({ encoding: 'pem', text: value });
  return value;
}

/** Listing, adding, rotating, removing and (main-only) revealing secrets. */
export function createVaultSecrets(core: VaultSession, options: SecretsOptions) {
  const list = (input: { environment?: string | undefined }) => {
    const current = core.requireSession();
    const secrets = current.document.secrets
      .filter((record) => input.environment === undefined || record.environment === input.environment)
      .map(toMetadata)
      .sort((a, b) => (a.environment === b.environment ? compare(a.name, b.name) : compare(a.environment, b.environment)));
    return { secrets };
  };

  const add = (input: AddSecretInput) =>
    core.exclusive(async () => {
      const value = checkedValue(input.kind, input.value);
      const hosts = input.hosts === undefined ? undefined : normalizeHosts(input.hosts);
      let stored: SecretRecord | undefined;
      await core.change('secrets', (latest) => {
        if (findRecord(latest, input.environment, input.name)) {
          throw new ServiceError('conflict', `A secret named "${input.name}" already exists in ${input.environment}. Rotate it to change its value.`);
        }
        const now = options.clock().toISOString();
        const meta = {
          environment: input.environment,
          name: input.name,
          kind: input.kind,
          createdAt: now,
          updatedAt: now,
          hint: maskedHint(input.kind, value),
          hosts: hosts ?? options.defaultHosts(input.environment),
        };
        stored = sealSecret(core.requireSession().dataKey, latest.vaultId, meta, value, options.randomBytes);
        return { ...latest, secrets: [...latest.secrets, stored] };
      });
      return { ...toMetadata(required(stored)), ...shortValueNotice(value) };
    });

  const rotate = (input: RotateSecretInput) =>
    core.exclusive(async () => {
      let stored: SecretRecord | undefined;
      let notice: { notice?: string } = {};
      await core.change('secrets', (latest) => {
        const existing = findRecord(latest, input.environment, input.name);
        if (!existing) throw new ServiceError('not_found', `There is no secret named "${input.name}" in ${input.environment}.`);
        const value = checkedValue(existing.kind, input.value);
        notice = shortValueNotice(value);
        const meta = { ...identityOf(existing), updatedAt: options.clock().toISOString(), hint: maskedHint(existing.kind, value) };
        const record = sealSecret(core.requireSession().dataKey, latest.vaultId, meta, value, options.randomBytes);
        stored = record;
        return { ...latest, secrets: latest.secrets.map((r) => (r === existing ? record : r)) };
      });
      return { ...toMetadata(required(stored)), ...notice };
    });

  const remove = (input: DeleteSecretInput) =>
    core.exclusive(async () => {
      await core.change('secrets', (latest) => {
        const existing = findRecord(latest, input.environment, input.name);
        if (!existing) throw new ServiceError('not_found', `There is no secret named "${input.name}" in ${input.environment}.`);
        return { ...latest, secrets: latest.secrets.filter((r) => r !== existing) };
      });
      return { deleted: true as const };
    });

  /** Main only: decrypts one value, after taking in any change another process made. */
  const reveal = async (environment: string, name: string, purpose: RevealPurpose): Promise<string> => {
    const current = await core.use();
    const record = findRecord(current.document, environment, name);
    if (!record) throw vaultErrors.missing(environment, name);
    const value = decryptRecord(current, record);
    options.onReveal?.({ environment, name, purpose });
    return value;
  };

  return { list, add, rotate, remove, reveal };
}

function required(record: SecretRecord | undefined): SecretRecord {
  if (!record) throw new ServiceError('internal', 'The vault change produced no record.');
  return record;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
