import { randomBytes as nodeRandomBytes } from 'node:crypto';
import {
  CLIPBOARD_CLEAR_SECONDS,
  type AddSecretInput,
  type AllowHostInput,
  type AllowHostResult,
  type SetHostsInput,
  type DeleteSecretInput,
  type ImportBackupResult,
  type ImportConflict,
  type LocalBackup,
  type RotateSecretInput,
  type SavedBackup,
  type SecretMetadata,
  type StoredSecret,
  type SetPassphraseInput,
  type VaultChange,
  type VaultStatus,
} from '../contract/vault.ts';
import { ServiceError } from '../contract/errors.ts';
import { defaultDownloadsDir } from '../platform/downloads-dir.ts';
import { createClipboardCopier, type ClipboardCopier, type ClipboardLike } from './clipboard/clipboard.ts';
import { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './crypto/scrypt-kdf.ts';
import { createVaultFileStore } from './file/vault-file-store.ts';
import { nodeTimers, type Timers } from './timers.ts';
import { createVaultBackups } from './vault-backups.ts';
import type { HostRules } from './hosts/host-guard.ts';
import { createVaultHosts } from './vault-hosts.ts';
import { createVaultSecrets, type RevealPurpose } from './vault-secrets.ts';
import { createVaultSession, describe } from './vault-session.ts';
import type { SafeStorageLike } from './wrappers/safe-storage.ts';

export { DEFAULT_AUTO_LOCK_MINUTES } from './vault-session.ts';
export type { RevealPurpose } from './vault-secrets.ts';

export type VaultServiceOptions = {
  /** The data directory; the vault file, its lock and its rotated backups live in it. */
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
  /** Where exported backups go when no folder is named (Downloads by default). */
  backupDir?: () => string;
  /** The desktop app's native Save dialog for a backup named by no folder. */
  chooseBackupPath?: (defaultPath: string) => Promise<string | null>;
  /** Where a new secret of an environment may be sent by default (its base-URL hosts); none when absent. */
  defaultHosts?: (environment: string) => string[];
  /** Runs after a new vault is written and before setup() returns (the sandbox's sample credentials go in here). */
  afterSetup?: () => Promise<void>;
  /** Told about lock, unlock and content changes; the backend forwards it as the vault:changed event. */
  onChange?: (change: VaultChange) => void;
  /**
   * Called as the session ends, before lock() returns: whatever main keeps that
   * was derived from secrets (tokens, the redaction ledger) goes now, not after
   * onChange's status read, which lets a send slip in between.
   */
  onSessionEnd?: () => void;
  log?: (message: string, error?: unknown) => void;
  /** Audit hook: which secret was decrypted and why (never the value). */
  onReveal?: (event: { environment: string; name: string; purpose: RevealPurpose }) => void;
};

export type VaultService = {
  status(): Promise<VaultStatus>;
  setup(input: { passphrase?: string | undefined }): Promise<VaultStatus>;
  /** `dataKey` only from the unlock agent (main/vault-agent/), never from a channel. */
  unlock(input: { passphrase?: string | undefined; dataKey?: Buffer | undefined }): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  /** Takes in changes another Countersign process wrote (cheap when there are none). */
  refresh(): Promise<void>;
  list(input: { environment?: string | undefined }): { secrets: SecretMetadata[] };
  add(input: AddSecretInput): Promise<StoredSecret>;
  rotate(input: RotateSecretInput): Promise<StoredSecret>;
  remove(input: DeleteSecretInput): Promise<{ deleted: true }>;
  copyToClipboard(input: { environment: string; name: string }): Promise<{ clearsAfterSeconds: number }>;
  setPassphrase(input: SetPassphraseInput): Promise<VaultStatus>;
  setAutoLock(input: { minutes: number }): Promise<VaultStatus>;
  /** Checks the vault's own passphrase (for confirmations the renderer cannot give itself). */
  verifyPassphrase(passphrase: string, what: string): Promise<void>;
  exportBackup(input: { passphrase: string; directory?: string | undefined }): Promise<SavedBackup>;
  defaultHosts(environment: string): { hosts: string[] };
  /** Replaces where a secret may go; needs the vault passphrase. */
  setHosts(input: SetHostsInput): Promise<SecretMetadata>;
  /** Allows one more host for a secret, once or for good; needs the vault passphrase. */
  allowHost(input: AllowHostInput): Promise<AllowHostResult>;
  /** Main only: what the send-time host check asks. */
  readonly hostRules: HostRules;
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

/** Composes the session (lock, unlock, file), the secrets and the backups. */
export function createVaultService(options: VaultServiceOptions): VaultService {
  const clock = options.clock ?? (() => new Date());
  const randomBytes = options.randomBytes ?? nodeRandomBytes;
  const timers = options.timers ?? nodeTimers;
  const scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
  const log = options.log ?? (() => {});
  const clearMs = options.clipboardClearMs ?? CLIPBOARD_CLEAR_SECONDS * 1000;
  const copier: ClipboardCopier | null = options.clipboard
    ? createClipboardCopier(options.clipboard, timers, clearMs, (error) => log('clearing the clipboard failed', error))
    : null;
  const onChange = options.onChange;
  const defaultHosts = (environment: string) => options.defaultHosts?.(environment) ?? [];

  const core = createVaultSession({
    store: createVaultFileStore({
      dataDir: options.dataDir,
      clock,
      ...(options.keepBackups === undefined ? {} : { keepBackups: options.keepBackups }),
    }),
    safeStorage: options.safeStorage,
    platform: options.platform ?? process.platform,
    randomBytes,
    timers,
    scryptParams,
    log,
    onChange: onChange ? (reason, status) => onChange({ reason, status }) : undefined,
    onLock: async () => {
      options.onSessionEnd?.();
      await copier?.clearIfUnchanged();
    },
    defaultHosts,
  });
  const secrets = createVaultSecrets(core, { clock, randomBytes, onReveal: options.onReveal, defaultHosts });
  const hosts = createVaultHosts(core, { defaultHosts, clock });
  const backups = createVaultBackups(core, { clock, randomBytes, scryptParams, defaultBackupDir: options.backupDir ?? defaultDownloadsDir, choosePath: options.chooseBackupPath, log });

  const copyToClipboard = async (input: { environment: string; name: string }) => {
    if (!copier) throw new ServiceError('failed', 'Copying is not available here: no clipboard was found.');
    const value = await secrets.reveal(input.environment, input.name, 'clipboard');
    try {
      await copier.copy(value);
    } catch (error) {
      throw new ServiceError('failed', `The value could not be copied: ${describe(error)}`);
    }
    return { clearsAfterSeconds: Math.round(clearMs / 1000) };
  };

  return {
    status: core.status,
    // Whoever created the vault (a window, `vault init`) sees it with its first secrets in, not while they are added.
    setup: async (input) => {
      await core.setup(input);
      await options.afterSetup?.();
      return core.status();
    },
    unlock: core.unlock,
    lock: core.lock,
    refresh: core.refresh,
    list: secrets.list,
    add: secrets.add,
    rotate: secrets.rotate,
    remove: secrets.remove,
    copyToClipboard,
    setPassphrase: core.setPassphrase,
    setAutoLock: core.setAutoLock,
    verifyPassphrase: (passphrase, what) => core.exclusive(() => core.verifyPassphrase(passphrase, what)),
    ...backups,
    defaultHosts: hosts.defaultHosts,
    setHosts: hosts.setHosts,
    allowHost: hosts.allowHost,
    hostRules: hosts.rules,
    reveal: secrets.reveal,
    get: (environment, name) => secrets.reveal(environment, name, 'signing'),
    async close() {
      await core.lock();
      core.stopTimers();
      copier?.dispose();
    },
  };
}
