import { randomBytes as nodeRandomBytes, timingSafeEqual } from 'node:crypto';
import {
  CLIPBOARD_CLEAR_SECONDS,
  type AddSecretInput,
  type DeleteSecretInput,
  type ExportedBackup,
  type ImportBackupResult,
  type ImportConflict,
  type LocalBackup,
  type RotateSecretInput,
  type SecretMetadata,
  type SetPassphraseInput,
  type VaultChange,
  type VaultChangeReason,
  type VaultProblem,
  type VaultStatus,
} from '../contract/vault.ts';
import { ServiceError } from '../contract/errors.ts';
import { decodeBackup, encodeBackup, type PlainSecret } from './backup/backup-codec.ts';
import { createClipboardCopier, type ClipboardCopier, type ClipboardLike } from './clipboard/clipboard.ts';
import { AuthenticationError, DATA_KEY_BYTES } from './crypto/aead.ts';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './crypto/scrypt-kdf.ts';
import { documentAuthenticates, openSecret, sealSecret, signDocument } from './crypto/secret-codec.ts';
import { VAULT_FORMAT, VAULT_SCHEMA_VERSION, type SecretRecord, type VaultDocument, type WrapperRecord } from './file/vault-document.ts';
import { VaultFileProblem } from './file/vault-file-problem.ts';
import { VaultChangedOnDiskError, createVaultFileStore, type ReadResult } from './file/vault-file-store.ts';
import { maskedHint } from './hints.ts';
import { createIdleLock } from './idle-lock.ts';
import { nodeTimers, type Timers } from './timers.ts';
import { WrongPassphraseError, unwrapWithPassphrase, wrapWithPassphrase } from './wrappers/passphrase-wrapper.ts';
import { assessSafeStorage, unwrapWithSafeStorage, wrapWithSafeStorage, type SafeStorageLike } from './wrappers/safe-storage.ts';

export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export type VaultServiceOptions = {
  /** The data directory; the vault file and its rotated backups live in it. */
  dataDir: string;
  /** Electron's safeStorage in the desktop app; absent in browser mode and the CLI. */
  safeStorage?: SafeStorageLike;
  /** Where copies go; absent means copying fails with a clear message. */
  clipboard?: ClipboardLike;
  platform?: NodeJS.Platform;
  clock?: () => Date;
  randomBytes?: (size: number) => Buffer;
  timers?: Timers;
  /** Cost of new passphrase wrappers (vault and backups). Tests lower it; the default takes >= 100 ms. */
  scryptParams?: ScryptParams;
  keepBackups?: number;
  clipboardClearMs?: number;
  /** Told about lock, unlock and content changes; the backend forwards it as the vault:changed event. */
  onChange?: (change: VaultChange) => void;
  log?: (message: string, error?: unknown) => void;
  /** Audit hook: which secret was decrypted and why (never the value). */
  onReveal?: (event: { environment: string; name: string; purpose: RevealPurpose }) => void;
};

/** A main-only reason to decrypt a value; nothing in the contract reaches this. */
export type RevealPurpose = 'signing' | 'export' | 'clipboard';

export type VaultService = {
  status(): Promise<VaultStatus>;
  setup(input: { passphrase?: string | undefined }): Promise<VaultStatus>;
  unlock(input: { passphrase?: string | undefined }): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  list(input: { environment?: string | undefined }): { secrets: SecretMetadata[] };
  add(input: AddSecretInput): Promise<SecretMetadata>;
  rotate(input: RotateSecretInput): Promise<SecretMetadata>;
  remove(input: DeleteSecretInput): Promise<{ deleted: true }>;
  copyToClipboard(input: { environment: string; name: string }): Promise<{ clearsAfterSeconds: number }>;
  setPassphrase(input: SetPassphraseInput): Promise<VaultStatus>;
  setAutoLock(input: { minutes: number }): Promise<VaultStatus>;
  exportBackup(input: { passphrase: string }): Promise<ExportedBackup>;
  importBackup(input: { content: string; passphrase: string; onConflict: ImportConflict }): Promise<ImportBackupResult>;
  localBackups(): Promise<{ backups: LocalBackup[] }>;
  restoreLocalBackup(input: { id: string }): Promise<VaultStatus>;
  /** Main only: decrypts one value for signing or key export. Never wire this to a channel. */
  reveal(environment: string, name: string, purpose: RevealPurpose): Promise<string>;
  /** The SecretSource the signing engine resolves credentials through. */
  get(environment: string, name: string): Promise<string>;
  /** Locks, stops timers and clears a pending clipboard copy. */
  close(): Promise<void>;
};

type Session = { dataKey: Buffer; document: VaultDocument; fingerprint: string };

export function createVaultService(options: VaultServiceOptions): VaultService {
  const platform = options.platform ?? process.platform;
  const clock = options.clock ?? (() => new Date());
  const randomBytes = options.randomBytes ?? nodeRandomBytes;
  const timers = options.timers ?? nodeTimers;
  const scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  const log = options.log ?? (() => {});
  const store = createVaultFileStore({
    dataDir: options.dataDir,
    clock,
    ...(options.keepBackups === undefined ? {} : { keepBackups: options.keepBackups }),
  });
  const copier: ClipboardCopier | null = options.clipboard
    ? createClipboardCopier(options.clipboard, timers, options.clipboardClearMs ?? CLIPBOARD_CLEAR_SECONDS * 1000, (error) =>
        log('clearing the clipboard failed', error),
      )
    : null;

  let session: Session | null = null;
  // A file that parses but fails its MAC is reported as damaged until it changes.
  let tampered: { fingerprint: string; problem: VaultProblem } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Mutations and locking run one at a time: two writes never interleave, and no lock lands mid-write. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const idle = createIdleLock(timers, () => {
    exclusive(() => lockNow('auto_locked')).catch((error: unknown) => log('auto-lock failed', error));
  });

  const safeStorage = () => assessSafeStorage(options.safeStorage, platform);

  const statusFrom = (read: ReadResult | null): VaultStatus => {
    const assessment = safeStorage();
    const document = session?.document ?? (read?.kind === 'ok' ? read.document : null);
    const hasSafeStorage = document?.wrappers.some((w) => w.type === 'safe-storage') ?? false;
    const hasPassphrase = document?.wrappers.some((w) => w.type === 'passphrase') ?? false;
    let state: VaultStatus['state'] = 'locked';
    let problem: VaultProblem | null = null;
    if (session) state = 'unlocked';
    else if (read?.kind === 'absent') state = 'absent';
    else if (read?.kind === 'damaged') {
      state = 'damaged';
      problem = { code: read.problem.code, message: read.problem.message, file: read.problem.file };
    } else if (read?.kind === 'ok' && tampered?.fingerprint === read.fingerprint) {
      state = 'damaged';
      problem = tampered.problem;
    }
    // The keychain may protect here and still not hold this vault's key yet (a vault made by the CLI).
    let passphraseRequiredReason: string | null = null;
    if (!assessment.protects) passphraseRequiredReason = assessment.note;
    else if (document && !hasSafeStorage) {
      passphraseRequiredReason = 'The system keychain does not hold this vault\'s key yet: unlock once with the passphrase to add it.';
    }
    return {
      state,
      protection: {
        safeStorage: { ...assessment, inUse: hasSafeStorage && assessment.protects },
        passphrase: { set: hasPassphrase },
        passphraseRequired: passphraseRequiredReason !== null,
        passphraseRequiredReason,
      },
      autoLockMinutes: document?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
      problem,
      secretCount: session ? session.document.secrets.length : null,
    };
  };

  const status = async (): Promise<VaultStatus> => statusFrom(session ? null : await store.read());

  const notify = (reason: VaultChangeReason) => {
    if (!options.onChange) return;
    const onChange = options.onChange;
    status()
      .then((current) => onChange({ reason, status: current }))
      .catch((error: unknown) => log('could not report a vault change', error));
  };

  const lockNow = async (reason: VaultChangeReason): Promise<VaultStatus> => {
    if (session) {
      session.dataKey.fill(0);
      session = null;
      idle.stop();
      await copier?.clearIfUnchanged().catch((error: unknown) => log('clearing the clipboard failed', error));
      notify(reason);
    }
    return status();
  };

  const requireSession = (): Session => {
    if (!session) throw new ServiceError('locked', 'The vault is locked. Unlock it to continue.');
    idle.touch();
    return session;
  };

  /** Writes a new version of the unlocked vault; on a concurrent change elsewhere, locks instead of overwriting it. */
  const commit = async (next: Omit<VaultDocument, 'mac'>, reason: VaultChangeReason): Promise<void> => {
    const current = requireSession();
    const signed = signDocument(current.dataKey, next);
    try {
      const fingerprint = await store.write(signed, current.fingerprint);
      session = { dataKey: current.dataKey, document: signed, fingerprint };
    } catch (error) {
      if (error instanceof VaultChangedOnDiskError) {
        await lockNow('locked');
        throw new ServiceError('conflict', `${error.message} The vault was locked without saving; unlock it to load that version, then try again.`);
      }
      throw new ServiceError('failed', `The vault could not be saved: ${describe(error)}`);
    }
    notify(reason);
  };

  const findRecord = (document: VaultDocument, environment: string, name: string): SecretRecord | undefined =>
    document.secrets.find((record) => record.environment === environment && record.name === name);

  const toMetadata = (record: SecretRecord): SecretMetadata => ({
    environment: record.environment,
    name: record.name,
    kind: record.kind,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    hint: record.hint,
  });

  const decrypt = (current: Session, record: SecretRecord): string => {
    try {
      return openSecret(current.dataKey, current.document.vaultId, record);
    } catch (error) {
      if (error instanceof AuthenticationError) throw new ServiceError('failed', error.message);
      throw error;
    }
  };

  /** Adds the keychain wrapper when the keychain protects and the vault lacks a working one. */
  const withSafeStorageWrapper = (dataKey: Buffer, wrappers: WrapperRecord[]): WrapperRecord[] | null => {
    const assessment = safeStorage();
    if (!options.safeStorage || !assessment.protects) return null;
    const existing = wrappers.find((w) => w.type === 'safe-storage');
    if (existing) {
      try {
        const key = unwrapWithSafeStorage(existing, options.safeStorage);
        const same = timingSafeEqual(key, dataKey);
        key.fill(0);
        if (same) return null;
      } catch {
        // From another machine or user: replace it below.
      }
    }
    return [...wrappers.filter((w) => w.type !== 'safe-storage'), wrapWithSafeStorage(dataKey, options.safeStorage, assessment.backend)];
  };

  const setup = (input: { passphrase?: string | undefined }) =>
    exclusive(async () => {
      const read = await store.read();
      if (read.kind !== 'absent') throw new ServiceError('conflict', 'A vault already exists in this data directory.');
      const assessment = safeStorage();
      if (!input.passphrase && !assessment.protects) {
        throw new ServiceError('invalid_input', `A passphrase is required: ${assessment.note}`);
      }
      const dataKey = randomBytes(DATA_KEY_BYTES);
      const vaultId = randomBytes(16).toString('hex');
      const wrappers: WrapperRecord[] = [];
      if (input.passphrase) wrappers.push(await wrapWithPassphrase(dataKey, vaultId, input.passphrase, scryptParams, randomBytes));
      if (options.safeStorage && assessment.protects) wrappers.push(wrapWithSafeStorage(dataKey, options.safeStorage, assessment.backend));
      const document = signDocument(dataKey, {
        format: VAULT_FORMAT,
        version: VAULT_SCHEMA_VERSION,
        vaultId,
        wrappers,
        autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
        secrets: [],
      });
      try {
        const fingerprint = await store.write(document, null);
        session = { dataKey, document, fingerprint };
      } catch (error) {
        dataKey.fill(0);
        if (error instanceof VaultChangedOnDiskError) throw new ServiceError('conflict', 'A vault was created meanwhile by another Countersign process.');
        throw new ServiceError('failed', `The vault could not be created: ${describe(error)}`);
      }
      idle.setMinutes(document.autoLockMinutes);
      idle.touch();
      notify('setup');
      return status();
    });

  const unwrapFor = async (document: VaultDocument, passphrase: string | undefined): Promise<Buffer> => {
    if (passphrase !== undefined) {
      const wrapper = document.wrappers.find((w) => w.type === 'passphrase');
      if (!wrapper) throw new ServiceError('conflict', 'This vault has no passphrase; it opens with the system keychain in the desktop app.');
      try {
        return await unwrapWithPassphrase(wrapper, document.vaultId, passphrase);
      } catch (error) {
        if (error instanceof WrongPassphraseError) throw new ServiceError('forbidden', 'The passphrase is wrong. Nothing was changed.');
        if (error instanceof AuthenticationError) throw new ServiceError('failed', error.message);
        throw error;
      }
    }
    const assessment = safeStorage();
    const wrapper = document.wrappers.find((w) => w.type === 'safe-storage');
    if (!options.safeStorage || !assessment.protects || !wrapper) {
      const why = assessment.protects ? 'this vault is not protected by the system keychain.' : assessment.note;
      throw new ServiceError('locked', `A passphrase is required to unlock the vault: ${why}`);
    }
    try {
      return unwrapWithSafeStorage(wrapper, options.safeStorage);
    } catch (error) {
      throw new ServiceError('locked', `${describe(error)} Unlock with the passphrase instead.`);
    }
  };

  const unlock = (input: { passphrase?: string | undefined }) =>
    exclusive(async () => {
      if (session) {
        idle.touch();
        return status();
      }
      const read = await store.read();
      if (read.kind === 'absent') throw new ServiceError('not_found', 'There is no vault yet: set one up first.');
      if (read.kind === 'damaged') throw new ServiceError('failed', `${read.problem.message} It was left as it is; restore a backup to continue.`);
      const dataKey = await unwrapFor(read.document, input.passphrase);
      if (!documentAuthenticates(dataKey, read.document)) {
        dataKey.fill(0);
        // GCM vouches for a passphrase-unwrapped key, so then the index is what was altered;
        // the keychain gives no such proof, so its key is the suspect.
        if (input.passphrase === undefined) {
          throw new ServiceError('locked', 'The key from the system keychain does not open this vault (its record was altered or belongs to another vault). Unlock with the passphrase.');
        }
        const message = `The vault file ${store.path} was tampered with: its list of secrets does not match its authentication code. It was left as it is; restore a backup to continue.`;
        tampered = { fingerprint: read.fingerprint, problem: { code: 'tampered', message, file: store.path } };
        notify('damaged');
        throw new ServiceError('failed', message);
      }
      tampered = null;
      session = { dataKey, document: read.document, fingerprint: read.fingerprint };
      idle.setMinutes(read.document.autoLockMinutes);
      idle.touch();
      const wrappers = withSafeStorageWrapper(dataKey, read.document.wrappers);
      if (wrappers) {
        await commit({ ...read.document, wrappers }, 'settings').catch((error: unknown) => log('could not add the keychain wrapper', error));
      }
      notify('unlocked');
      return status();
    });

  const list = (input: { environment?: string | undefined }) => {
    const current = requireSession();
    const secrets = current.document.secrets
      .filter((record) => input.environment === undefined || record.environment === input.environment)
      .map(toMetadata)
      .sort((a, b) => (a.environment === b.environment ? compare(a.name, b.name) : compare(a.environment, b.environment)));
    return { secrets };
  };

  const add = (input: AddSecretInput) =>
    exclusive(async () => {
      const current = requireSession();
      if (findRecord(current.document, input.environment, input.name)) {
        throw new ServiceError('conflict', `A secret named "${input.name}" already exists in ${input.environment}. Rotate it to change its value.`);
      }
      const now = clock().toISOString();
      const meta = { environment: input.environment, name: input.name, kind: input.kind, createdAt: now, updatedAt: now, hint: maskedHint(input.kind, input.value) };
      const record = sealSecret(current.dataKey, current.document.vaultId, meta, checkedValue(input.value), randomBytes);
      await commit({ ...current.document, secrets: [...current.document.secrets, record] }, 'secrets');
      return toMetadata(record);
    });

  const rotate = (input: RotateSecretInput) =>
    exclusive(async () => {
      const current = requireSession();
      const existing = findRecord(current.document, input.environment, input.name);
      if (!existing) throw new ServiceError('not_found', `There is no secret named "${input.name}" in ${input.environment}.`);
      const meta = { ...toMetadata(existing), updatedAt: clock().toISOString(), hint: maskedHint(existing.kind, input.value) };
      const record = sealSecret(current.dataKey, current.document.vaultId, meta, checkedValue(input.value), randomBytes);
      const secrets = current.document.secrets.map((r) => (r === existing ? record : r));
      await commit({ ...current.document, secrets }, 'secrets');
      return toMetadata(record);
    });

  const remove = (input: DeleteSecretInput) =>
    exclusive(async () => {
      const current = requireSession();
      const existing = findRecord(current.document, input.environment, input.name);
      if (!existing) throw new ServiceError('not_found', `There is no secret named "${input.name}" in ${input.environment}.`);
      await commit({ ...current.document, secrets: current.document.secrets.filter((r) => r !== existing) }, 'secrets');
      return { deleted: true as const };
    });

  // async so that a locked vault rejects the promise rather than throwing at the call.
  const reveal = async (environment: string, name: string, purpose: RevealPurpose): Promise<string> => {
    await Promise.resolve();
    const current = requireSession();
    const record = findRecord(current.document, environment, name);
    if (!record) throw new ServiceError('not_found', `There is no secret named "${name}" in ${environment}.`);
    const value = decrypt(current, record);
    options.onReveal?.({ environment, name, purpose });
    return value;
  };

  const copyToClipboard = async (input: { environment: string; name: string }) => {
    if (!copier) throw new ServiceError('failed', 'Copying is not available here: no clipboard was found.');
    const value = await reveal(input.environment, input.name, 'clipboard');
    try {
      await copier.copy(value);
    } catch (error) {
      throw new ServiceError('failed', `The value could not be copied: ${describe(error)}`);
    }
    return { clearsAfterSeconds: Math.round((options.clipboardClearMs ?? CLIPBOARD_CLEAR_SECONDS * 1000) / 1000) };
  };

  const setPassphrase = (input: SetPassphraseInput) =>
    exclusive(async () => {
      const current = requireSession();
      const existing = current.document.wrappers.find((w) => w.type === 'passphrase');
      if (existing) {
        if (input.current === undefined) throw new ServiceError('invalid_input', 'Enter the current passphrase to change it.');
        let key: Buffer;
        try {
          key = await unwrapWithPassphrase(existing, current.document.vaultId, input.current);
        } catch (error) {
          if (error instanceof WrongPassphraseError) throw new ServiceError('forbidden', 'The current passphrase is wrong. Nothing was changed.');
          throw new ServiceError('failed', describe(error));
        }
        const same = timingSafeEqual(key, current.dataKey);
        key.fill(0);
        if (!same) throw new ServiceError('failed', 'The passphrase record does not hold this vault\'s key. Nothing was changed.');
      }
      // Only the data key is rewrapped: every secret's ciphertext stays as it is.
      const wrapper = await wrapWithPassphrase(current.dataKey, current.document.vaultId, input.next, scryptParams, randomBytes);
      const wrappers = [...current.document.wrappers.filter((w) => w.type !== 'passphrase'), wrapper];
      await commit({ ...current.document, wrappers }, 'settings');
      return status();
    });

  const setAutoLock = (input: { minutes: number }) =>
    exclusive(async () => {
      const current = requireSession();
      await commit({ ...current.document, autoLockMinutes: input.minutes }, 'settings');
      idle.setMinutes(input.minutes);
      return status();
    });

  const exportBackup = async (input: { passphrase: string }): Promise<ExportedBackup> => {
    const current = requireSession();
    const secrets: PlainSecret[] = current.document.secrets.map((record) => ({ ...toMetadata(record), value: decrypt(current, record) }));
    const content = await encodeBackup(secrets, input.passphrase, scryptParams, randomBytes);
    const day = clock().toISOString().slice(0, 10);
    return { fileName: `countersign-vault-backup-${day}.json`, content, secretCount: secrets.length };
  };

  const importBackup = (input: { content: string; passphrase: string; onConflict: ImportConflict }) =>
    exclusive(async () => {
      requireSession();
      let incoming: PlainSecret[];
      try {
        incoming = await decodeBackup(input.content, input.passphrase);
      } catch (error) {
        if (error instanceof WrongPassphraseError) throw new ServiceError('forbidden', 'The backup passphrase is wrong. Nothing was imported.');
        if (error instanceof VaultFileProblem || error instanceof AuthenticationError) throw new ServiceError('invalid_input', `${error.message} Nothing was imported.`);
        throw error;
      }
      const current = requireSession();
      const result = { added: 0, replaced: 0, skipped: 0 };
      let secrets = [...current.document.secrets];
      for (const secret of incoming) {
        const existing = findRecord({ ...current.document, secrets }, secret.environment, secret.name);
        if (existing && input.onConflict === 'skip') {
          result.skipped++;
          continue;
        }
        const record = sealSecret(current.dataKey, current.document.vaultId, secret, secret.value, randomBytes);
        if (existing) {
          secrets = secrets.map((r) => (r === existing ? record : r));
          result.replaced++;
        } else {
          secrets.push(record);
          result.added++;
        }
      }
      if (result.added + result.replaced > 0) await commit({ ...current.document, secrets }, 'secrets');
      return result;
    });

  const localBackups = async () => {
    const backups = await store.listBackups();
    return { backups: backups.map((b) => ({ id: b.id, savedAt: b.savedAt.toISOString(), bytes: b.bytes, secretCount: b.secretCount })) };
  };

  const restoreLocalBackup = (input: { id: string }) =>
    exclusive(async () => {
      if (session) throw new ServiceError('conflict', 'Lock the vault before restoring a backup.');
      try {
        const { keptDamagedAs } = await store.restoreBackup(input.id);
        if (keptDamagedAs) log(`the replaced vault file was kept as ${keptDamagedAs}`);
      } catch (error) {
        if (error instanceof VaultFileProblem) throw new ServiceError('failed', `${error.message} Choose another backup.`);
        throw new ServiceError('not_found', describe(error));
      }
      tampered = null;
      notify('restored');
      return status();
    });

  return {
    status,
    setup,
    unlock,
    lock: () => exclusive(() => lockNow('locked')),
    list,
    add,
    rotate,
    remove,
    copyToClipboard,
    setPassphrase,
    setAutoLock,
    exportBackup,
    importBackup,
    localBackups,
    restoreLocalBackup,
    reveal,
    get: (environment, name) => reveal(environment, name, 'signing'),
    async close() {
      await exclusive(() => lockNow('locked'));
      idle.stop();
      copier?.dispose();
    },
  };
}

/** Refuses values the contract would refuse, for callers that skip the contract (the CLI, the signing engine's tests). */
function checkedValue(value: string): string {
  if (value.trim().length === 0) throw new ServiceError('invalid_input', 'A secret value cannot be empty.');
  return value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
