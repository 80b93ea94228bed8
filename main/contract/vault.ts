import { z } from 'zod';

/**
 * The vault channels the renderer may use. Values go in (add, rotate) and
 * never come out: there is no channel that returns a secret value. Copying
 * happens in main; the renderer only learns when the clipboard is cleared.
 */

// A secret value may be a PEM bundle of a megabyte or two; the doors refuse
// strings above 4 MiB characters before any schema runs.
export const MAX_SECRET_VALUE_CHARS = 2 * 1024 * 1024;
export const MAX_BACKUP_CHARS = 4 * 1024 * 1024;
export const MIN_PASSPHRASE_CHARS = 8;
export const MAX_PASSPHRASE_CHARS = 1024;
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;
export const CLIPBOARD_CLEAR_SECONDS = 30;

const emptyInput = z.strictObject({});

// private_key: any PEM private key (an mTLS client key may be EC); pkcs12: a PKCS#12 bundle, base64 (#13).
export const SecretKind = z.enum(['text', 'rsa_private_key', 'certificate', 'passphrase', 'private_key', 'pkcs12']);
export type SecretKind = z.infer<typeof SecretKind>;

// No control characters: names end up in file names, logs and the UI.
const printable = /^[^\p{Cc}]+$/u;

export const EnvironmentName = z
  .string()
  .min(1, 'An environment name is required.')
  .max(64)
  .regex(printable, 'An environment name cannot hold control characters.');

export const SecretName = z
  .string()
  .min(1, 'A secret name is required.')
  .max(128)
  .regex(/^[\p{L}\p{N}_.:@/-]+( [\p{L}\p{N}_.:@/-]+)*$/u, 'Use letters, digits and _ . : @ / - (single spaces inside).');

export const SecretValue = z
  .string()
  .max(MAX_SECRET_VALUE_CHARS, `A secret value may hold at most ${MAX_SECRET_VALUE_CHARS} characters.`)
  .refine((value) => value.trim().length > 0, 'A secret value cannot be empty.');

export const Passphrase = z
  .string()
  .min(MIN_PASSPHRASE_CHARS, `A passphrase needs at least ${MIN_PASSPHRASE_CHARS} characters.`)
  .max(MAX_PASSPHRASE_CHARS);

/** What the renderer may know about a secret. `hint` is a masked tail for text secrets only. */
export const SecretMetadata = z.object({
  environment: z.string(),
  name: z.string(),
  kind: SecretKind,
  createdAt: z.string(),
  updatedAt: z.string(),
  hint: z.string().nullable(),
  /** Where the value may be sent (host[:port] as in URL.host, or "builtin:sandbox"); null until a version 1 vault is migrated. */
  hosts: z.array(z.string()).nullable(),
});
export type SecretMetadata = z.infer<typeof SecretMetadata>;

/** What adding or replacing a secret answers: its metadata, and a plain notice when the value is weak (see main/vault/short-value-notice.ts). */
export const StoredSecret = SecretMetadata.extend({ notice: z.string().optional() });
export type StoredSecret = z.infer<typeof StoredSecret>;

export const MAX_HOSTS_PER_SECRET = 32;
/** host[:port], a URL (its host is taken), or "builtin:sandbox"; main normalizes and checks it. */
export const HostText = z.string().min(1).max(300).regex(/^[^\s\p{Cc}]+$/u, 'A host cannot hold spaces or control characters.');
export const HostList = z.array(HostText).max(MAX_HOSTS_PER_SECRET);

export const VaultState = z.enum(['absent', 'locked', 'unlocked', 'damaged']);
export type VaultState = z.infer<typeof VaultState>;

export const SafeStorageStatus = z.object({
  /** The operating system facility exists and encryption is available. */
  available: z.boolean(),
  /** The Linux backend Electron selected (e.g. gnome_libsecret, kwallet5, basic_text), or null elsewhere. */
  backend: z.string().nullable(),
  /** It actually protects the key (false for basic_text, unknown backends, or no safeStorage at all). */
  protects: z.boolean(),
  /** The vault's data key is wrapped by it. */
  inUse: z.boolean(),
  /** Plain words for the UI. */
  note: z.string(),
});
export type SafeStorageStatus = z.infer<typeof SafeStorageStatus>;

export const VaultProtection = z.object({
  safeStorage: SafeStorageStatus,
  passphrase: z.object({ set: z.boolean() }),
  passphraseRequired: z.boolean(),
  /** Why a passphrase is required, in words the UI can show as is. */
  passphraseRequiredReason: z.string().nullable(),
});
export type VaultProtection = z.infer<typeof VaultProtection>;

export const VaultFileProblemCode = z.enum([
  'empty',
  'truncated',
  'not_json',
  'not_a_vault',
  'newer_version',
  'invalid_structure',
  'tampered',
  'unreadable',
]);
export type VaultFileProblemCode = z.infer<typeof VaultFileProblemCode>;

export const VaultProblem = z.object({
  code: VaultFileProblemCode,
  message: z.string(),
  file: z.string(),
});
export type VaultProblem = z.infer<typeof VaultProblem>;

export const VaultStatus = z.object({
  state: VaultState,
  protection: VaultProtection,
  autoLockMinutes: z.number(),
  /** Set when the vault file cannot be used; the file is kept as it is. */
  problem: VaultProblem.nullable(),
  /** How many secrets the vault holds; null while locked. */
  secretCount: z.number().nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const SecretRef = z.strictObject({ environment: EnvironmentName, name: SecretName });
export type SecretRef = z.infer<typeof SecretRef>;

export const AddSecretInput = z.strictObject({
  environment: EnvironmentName,
  name: SecretName,
  kind: SecretKind,
  value: SecretValue,
  /** Where it may be sent; absent: the environment's base-URL hosts (vault:default-hosts). */
  hosts: HostList.optional(),
});
export type AddSecretInput = z.infer<typeof AddSecretInput>;

export const RotateSecretInput = z.strictObject({ environment: EnvironmentName, name: SecretName, value: SecretValue });
export type RotateSecretInput = z.infer<typeof RotateSecretInput>;

export const DeleteSecretInput = z.strictObject({
  environment: EnvironmentName,
  name: SecretName,
  /** The UI asks first; the channel refuses a call that does not say it did. */
  confirm: z.literal(true),
});
export type DeleteSecretInput = z.infer<typeof DeleteSecretInput>;

export const SetPassphraseInput = z.strictObject({
  /** Required when a passphrase is already set. */
  current: z.string().max(MAX_PASSPHRASE_CHARS).optional(),
  next: Passphrase,
});
export type SetPassphraseInput = z.infer<typeof SetPassphraseInput>;

/**
 * Changing where a secret may go is a confirmation the renderer cannot give
 * itself: it needs the vault passphrase, checked in main.
 */
export const SetHostsInput = z.strictObject({
  environment: EnvironmentName,
  name: SecretName,
  hosts: HostList,
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_CHARS),
});
export type SetHostsInput = z.infer<typeof SetHostsInput>;

export const AllowHostInput = z.strictObject({
  environment: EnvironmentName,
  /** The secrets a refusal named. */
  names: z.array(SecretName).min(1).max(MAX_HOSTS_PER_SECRET),
  host: HostText,
  /** once: the next send that carries it there; always: added to its hosts. */
  scope: z.enum(['once', 'always']),
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_CHARS),
});
export type AllowHostInput = z.infer<typeof AllowHostInput>;

export const AllowHostResult = z.object({ host: z.string(), scope: z.enum(['once', 'always']) });
export type AllowHostResult = z.infer<typeof AllowHostResult>;

export const ImportConflict = z.enum(['skip', 'replace']);
export type ImportConflict = z.infer<typeof ImportConflict>;

export const ImportBackupInput = z.strictObject({
  content: z.string().min(1).max(MAX_BACKUP_CHARS),
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_CHARS),
  onConflict: ImportConflict.default('skip'),
});
export type ImportBackupInput = z.input<typeof ImportBackupInput>;

export const ImportBackupResult = z.object({
  added: z.number(),
  replaced: z.number(),
  skipped: z.number(),
  /** Names the imported values that are weak (shorter than 6 characters), as adding one says; absent when none is. */
  notice: z.string().optional(),
});
export type ImportBackupResult = z.infer<typeof ImportBackupResult>;

/**
 * A backup is encrypted under the vault's own passphrase, which the caller
 * must give (checked in main), and main writes the file itself: the caller
 * learns where it went, never its bytes.
 */
export const ExportBackupInput = z.strictObject({
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_CHARS),
  /** An absolute folder; Downloads when absent. The file never replaces another. */
  directory: z.string().min(1).max(4096).optional(),
});
export type ExportBackupInput = z.infer<typeof ExportBackupInput>;

export const SavedBackup = z.object({ path: z.string(), secretCount: z.number() });
export type SavedBackup = z.infer<typeof SavedBackup>;

export const LocalBackup = z.object({
  id: z.string(),
  savedAt: z.string(),
  bytes: z.number(),
  /** Secrets in it, or null if that copy cannot be read either. */
  secretCount: z.number().nullable(),
});
export type LocalBackup = z.infer<typeof LocalBackup>;

export const VaultChangeReason = z.enum(['setup', 'unlocked', 'locked', 'auto_locked', 'secrets', 'settings', 'restored', 'damaged']);
export type VaultChangeReason = z.infer<typeof VaultChangeReason>;

export const VaultChange = z.object({ reason: VaultChangeReason, status: VaultStatus });
export type VaultChange = z.infer<typeof VaultChange>;

export const vaultChannels = {
  'vault:status': { input: emptyInput, output: VaultStatus },
  'vault:setup': { input: z.strictObject({ passphrase: Passphrase.optional() }), output: VaultStatus },
  'vault:unlock': { input: z.strictObject({ passphrase: z.string().min(1).max(MAX_PASSPHRASE_CHARS).optional() }), output: VaultStatus },
  'vault:lock': { input: emptyInput, output: VaultStatus },
  'vault:list': {
    input: z.strictObject({ environment: EnvironmentName.optional() }),
    output: z.object({ secrets: z.array(SecretMetadata) }),
  },
  'vault:add': { input: AddSecretInput, output: StoredSecret },
  'vault:rotate': { input: RotateSecretInput, output: StoredSecret },
  'vault:delete': { input: DeleteSecretInput, output: z.object({ deleted: z.literal(true) }) },
  'vault:copy': { input: SecretRef, output: z.object({ clearsAfterSeconds: z.number() }) },
  'vault:set-passphrase': { input: SetPassphraseInput, output: VaultStatus },
  'vault:set-auto-lock': {
    input: z.strictObject({ minutes: z.number().int().min(0).max(MAX_AUTO_LOCK_MINUTES) }),
    output: VaultStatus,
  },
  'vault:export-backup': { input: ExportBackupInput, output: SavedBackup },
  'vault:default-hosts': { input: z.strictObject({ environment: EnvironmentName }), output: z.object({ hosts: z.array(z.string()) }) },
  'vault:set-hosts': { input: SetHostsInput, output: SecretMetadata },
  'vault:allow-host': { input: AllowHostInput, output: AllowHostResult },
  'vault:import-backup': { input: ImportBackupInput, output: ImportBackupResult },
  'vault:local-backups': { input: emptyInput, output: z.object({ backups: z.array(LocalBackup) }) },
  'vault:restore-local-backup': { input: z.strictObject({ id: z.string().min(1).max(128) }), output: VaultStatus },
} as const;

export const vaultEvents = {
  'vault:changed': VaultChange,
} as const;
