import { timingSafeEqual } from 'node:crypto';
import type { VaultChangeReason, VaultProblem, VaultStatus } from '../contract/vault.ts';
import { ServiceError } from '../contract/errors.ts';
import { AuthenticationError, DATA_KEY_BYTES } from './crypto/aead.ts';
import type { ScryptParams } from './crypto/scrypt-kdf.ts';
import { documentAuthenticates, signDocument } from './crypto/secret-codec.ts';
import { VAULT_FORMAT, VAULT_SCHEMA_VERSION, type VaultDocument, type WrapperRecord } from './file/vault-document.ts';
import { VaultChangedOnDiskError, type ReadResult, type VaultFileStore } from './file/vault-file-store.ts';
import { VaultBusyError } from './file/vault-lock.ts';
import { createIdleLock } from './idle-lock.ts';
import type { Timers } from './timers.ts';
import { vaultErrors } from './vault-errors.ts';
import { WrongPassphraseError, unwrapWithPassphrase, wrapWithPassphrase } from './wrappers/passphrase-wrapper.ts';
import { assessSafeStorage, unwrapWithSafeStorage, wrapWithSafeStorage, type SafeStorageLike } from './wrappers/safe-storage.ts';

export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export type Session = { dataKey: Buffer; document: VaultDocument; fingerprint: string; stamp: string | null };

/** A new document built from the latest one on disk; null means "nothing to write". */
export type DocumentChange = (latest: VaultDocument) => Omit<VaultDocument, 'mac'> | null;

export type SessionOptions = {
  store: VaultFileStore;
  safeStorage: SafeStorageLike | undefined;
  platform: NodeJS.Platform;
  randomBytes: (size: number) => Buffer;
  timers: Timers;
  scryptParams: ScryptParams;
  log: (message: string, error?: unknown) => void;
  onChange: ((reason: VaultChangeReason, status: VaultStatus) => void) | undefined;
  /** Runs when the session ends (lock, auto-lock), e.g. to clear a pending clipboard copy. */
  onLock: () => Promise<void>;
  /** Where a secret of this environment may go when nothing says otherwise (migrating version 1 entries). */
  defaultHosts: (environment: string) => string[];
};

export type VaultSession = ReturnType<typeof createVaultSession>;

/**
 * Lock, unlock, key wrappers and the one way to change the file. Every change
 * runs under the cross-process lock on the latest file, so a write made by
 * another process meanwhile is taken in, never overwritten or lost.
 */
export function createVaultSession(options: SessionOptions) {
  const { store, log } = options;
  let session: Session | null = null;
  // A file that parses but fails its MAC is reported as damaged until it changes.
  let tampered: { fingerprint: string; problem: VaultProblem } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Changes and locking run one at a time in this process: two writes never interleave, and no lock lands mid-write. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const idle = createIdleLock(options.timers, () => {
    exclusive(() => lockNow('auto_locked')).catch((error: unknown) => log('auto-lock failed', error));
  });

  const safeStorage = () => assessSafeStorage(options.safeStorage, options.platform);

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
    const onChange = options.onChange;
    if (!onChange) return;
    status()
      .then((current) => onChange(reason, current))
      .catch((error: unknown) => log('could not report a vault change', error));
  };

  const lockNow = async (reason: VaultChangeReason): Promise<VaultStatus> => {
    if (session) {
      session.dataKey.fill(0);
      session = null;
      idle.stop();
      await options.onLock().catch((error: unknown) => log('ending the session failed', error));
      notify(reason);
    }
    return status();
  };

  /** Why there is no session, as the error a caller needing a secret can act on. */
  const noSessionError = async (): Promise<ServiceError> => {
    const read = await store.read();
    if (read.kind === 'absent') return vaultErrors.absent();
    if (read.kind === 'damaged') return vaultErrors.damagedVault(read.problem.message);
    if (tampered?.fingerprint === read.fingerprint) return vaultErrors.damagedVault(tampered.problem.message);
    return vaultErrors.locked();
  };

  const requireSession = (): Session => {
    if (!session) throw vaultErrors.locked();
    idle.touch();
    return session;
  };

  const markTampered = (fingerprint: string) => {
    const message = `The vault file ${store.path} was tampered with: its list of secrets does not match its authentication code.`;
    tampered = { fingerprint, problem: { code: 'tampered', message, file: store.path } };
  };

  /**
   * Takes in the version on disk when another process replaced the file.
   * The same vault under the same data key is adopted; anything else (the
   * file removed, damaged, altered or another vault) ends the session.
   */
  const adopt = async (read: ReadResult, stamp: string | null): Promise<void> => {
    const current = session;
    if (!current) return;
    if (read.kind === 'ok' && read.fingerprint === current.fingerprint) {
      session = { ...current, stamp };
      return;
    }
    if (read.kind === 'ok' && read.document.vaultId === current.document.vaultId && documentAuthenticates(current.dataKey, read.document)) {
      session = { ...current, document: read.document, fingerprint: read.fingerprint, stamp };
      idle.setMinutes(read.document.autoLockMinutes);
      notify('secrets');
      return;
    }
    let error: ServiceError;
    if (read.kind === 'absent') error = new ServiceError('vault_absent', `The vault file ${store.path} was removed by another program; create or restore a vault.`);
    else if (read.kind === 'damaged') error = vaultErrors.damagedVault(read.problem.message);
    else if (read.document.vaultId === current.document.vaultId) {
      markTampered(read.fingerprint);
      error = vaultErrors.damagedVault(tampered?.problem.message ?? '');
    } else error = new ServiceError('locked', 'Another Countersign process replaced the vault with a different one; unlock it to continue.');
    await lockNow(read.kind === 'ok' && read.document.vaultId !== current.document.vaultId ? 'locked' : 'damaged');
    throw error;
  };

  /** Follows changes made by other processes; cheap when the file is unchanged (one stat). */
  const refreshNow = async (): Promise<void> => {
    if (!session) return;
    const stamp = await store.stamp();
    if (stamp !== null && stamp === session.stamp) return;
    await adopt(await store.read(), stamp);
  };

  /** The session for a read of secrets, up to date with the file; a distinct error when there is none. */
  const use = (): Promise<Session> =>
    exclusive(async () => {
      if (!session) throw await noSessionError();
      await refreshNow();
      return requireSession();
    });

  /**
   * The one way to change the vault: under the cross-process lock, take in
   * the latest file, build the change on it, write. Call inside `exclusive`.
   */
  const change = async (reason: VaultChangeReason, build: DocumentChange): Promise<void> => {
    // No vault, locked or damaged: say which (key generation and flows store through here).
    if (!session) throw await noSessionError();
    requireSession();
    let changed = false;
    try {
      await store.locked(async () => {
        const stamp = await store.stamp();
        await adopt(await store.read(), stamp);
        const current = requireSession();
        const next = build(current.document);
        if (next === null) return;
        const signed = signDocument(current.dataKey, upgraded(next));
        const fingerprint = await store.write(signed, current.fingerprint);
        session = { dataKey: current.dataKey, document: signed, fingerprint, stamp: await store.stamp() };
        changed = true;
      });
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      if (error instanceof VaultBusyError) throw new ServiceError('conflict', `${error.message} Nothing was saved.`);
      if (error instanceof VaultChangedOnDiskError) throw new ServiceError('conflict', `${error.message} Nothing was saved; try again.`);
      throw new ServiceError('failed', `The vault could not be saved: ${describe(error)}`);
    }
    if (changed) notify(reason);
  };

  /** Every write is the current schema: version 1 entries get their default hosts. */
  const upgraded = (next: Omit<VaultDocument, 'mac'>): Omit<VaultDocument, 'mac'> => ({
    ...next,
    version: VAULT_SCHEMA_VERSION,
    secrets: next.secrets.map((record) => (record.hosts === undefined ? { ...record, hosts: options.defaultHosts(record.environment) } : record)),
  });

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
      const assessment = safeStorage();
      if (!input.passphrase && !assessment.protects) {
        throw new ServiceError('invalid_input', `A passphrase is required: ${assessment.note}`);
      }
      const dataKey = options.randomBytes(DATA_KEY_BYTES);
      const vaultId = options.randomBytes(16).toString('hex');
      const wrappers: WrapperRecord[] = [];
      // The slow key derivation runs before the lock is taken.
      if (input.passphrase) wrappers.push(await wrapWithPassphrase(dataKey, vaultId, input.passphrase, options.scryptParams, options.randomBytes));
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
        await store.locked(async () => {
          if ((await store.read()).kind !== 'absent') throw new ServiceError('conflict', 'A vault already exists in this data directory.');
          const fingerprint = await store.write(document, null);
          session = { dataKey, document, fingerprint, stamp: await store.stamp() };
        });
      } catch (error) {
        dataKey.fill(0);
        if (error instanceof ServiceError) throw error;
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

  /** `dataKey`: a key held by the unlock agent (main/vault-agent/); it must authenticate the file like any other. */
  const unlock = (input: { passphrase?: string | undefined; dataKey?: Buffer | undefined }) =>
    exclusive(async () => {
      if (session) {
        idle.touch();
        return status();
      }
      const stamp = await store.stamp();
      const read = await store.read();
      if (read.kind === 'absent') throw new ServiceError('vault_absent', 'There is no vault yet: set one up first.');
      if (read.kind === 'damaged') throw vaultErrors.damagedVault(read.problem.message);
      const dataKey = input.dataKey ? Buffer.from(input.dataKey) : await unwrapFor(read.document, input.passphrase);
      if (!documentAuthenticates(dataKey, read.document)) {
        dataKey.fill(0);
        if (input.dataKey) throw new ServiceError('locked', 'The unlock agent\'s key does not open this vault (it was replaced). Unlock with the passphrase.');
        // GCM vouches for a passphrase-unwrapped key, so then the index is what was altered;
        // the keychain gives no such proof, so its key is the suspect.
        if (input.passphrase === undefined) {
          throw new ServiceError('locked', 'The key from the system keychain does not open this vault (its record was altered or belongs to another vault). Unlock with the passphrase.');
        }
        markTampered(read.fingerprint);
        notify('damaged');
        throw vaultErrors.damagedVault(tampered?.problem.message ?? '');
      }
      tampered = null;
      session = { dataKey, document: read.document, fingerprint: read.fingerprint, stamp };
      idle.setMinutes(read.document.autoLockMinutes);
      idle.touch();
      if (withSafeStorageWrapper(dataKey, read.document.wrappers)) {
        await change('settings', (latest) => {
          const wrappers = withSafeStorageWrapper(dataKey, latest.wrappers);
          return wrappers ? { ...latest, wrappers } : null;
        }).catch((error: unknown) => log('could not add the keychain wrapper', error));
      }
      if (requireSession().document.version < VAULT_SCHEMA_VERSION) {
        // Binds every secret to its environment's hosts once; a failed write is retried at the next change.
        await change('settings', (latest) => (latest.version < VAULT_SCHEMA_VERSION ? latest : null)).catch((error: unknown) =>
          log('could not migrate the vault to its current version', error),
        );
      }
      notify('unlocked');
      return status();
    });

  /** Checks the vault's own passphrase against its wrapper (one full scrypt, wrong or right). */
  const verifyPassphrase = async (passphrase: string, what: string): Promise<void> => {
    const current = requireSession();
    const wrapper = current.document.wrappers.find((w) => w.type === 'passphrase');
    if (!wrapper) throw new ServiceError('conflict', `This vault has no passphrase yet: set one first, then ${what}.`);
    let key: Buffer;
    try {
      key = await unwrapWithPassphrase(wrapper, current.document.vaultId, passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new ServiceError('forbidden', `The vault passphrase is wrong, so nothing was done (${what}).`);
      throw new ServiceError('failed', describe(error));
    }
    const same = timingSafeEqual(key, current.dataKey);
    key.fill(0);
    if (!same) throw new ServiceError('failed', 'The passphrase record does not hold this vault\'s key. Nothing was changed.');
  };

  const setPassphrase = (input: { current?: string | undefined; next: string }) =>
    exclusive(async () => {
      const current = requireSession();
      if (current.document.wrappers.some((w) => w.type === 'passphrase')) {
        if (input.current === undefined) throw new ServiceError('invalid_input', 'Enter the current passphrase to change it.');
        try {
          await verifyPassphrase(input.current, 'changing the passphrase');
        } catch (error) {
          if (error instanceof ServiceError && error.code === 'forbidden') throw new ServiceError('forbidden', 'The current passphrase is wrong. Nothing was changed.');
          throw error;
        }
      }
      // Only the data key is rewrapped: every secret's ciphertext stays as it is.
      const wrapper = await wrapWithPassphrase(current.dataKey, current.document.vaultId, input.next, options.scryptParams, options.randomBytes);
      await change('settings', (latest) => ({ ...latest, wrappers: [...latest.wrappers.filter((w) => w.type !== 'passphrase'), wrapper] }));
      return status();
    });

  const setAutoLock = (input: { minutes: number }) =>
    exclusive(async () => {
      await change('settings', (latest) => ({ ...latest, autoLockMinutes: input.minutes }));
      idle.setMinutes(input.minutes);
      return status();
    });

  return {
    store,
    exclusive,
    status,
    notify,
    use,
    change,
    requireSession,
    refresh: () => exclusive(refreshNow),
    current: () => session,
    clearTampered: () => {
      tampered = null;
    },
    setup,
    unlock,
    lock: () => exclusive(() => lockNow('locked')),
    setPassphrase,
    setAutoLock,
    verifyPassphrase,
    stopTimers: () => idle.stop(),
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
