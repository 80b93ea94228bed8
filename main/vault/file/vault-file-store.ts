import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { VaultFileProblem, parseVaultBytes } from './vault-file-problem.ts';
import { VAULT_FORMAT, serializeDocument, type VaultDocument } from './vault-document.ts';
import { removeStaleTempFiles, restrictMode, syncDirectory, writeFileAtomic } from './atomic-write.ts';
import { withVaultLock } from './vault-lock.ts';

export const VAULT_FILE_NAME = 'vault.json';
export const BACKUP_DIR_NAME = 'vault-backups';
export const LOCK_FILE_NAME = 'vault.json.lock';
export const DEFAULT_KEEP_BACKUPS = 5;

export type ReadResult =
  | { kind: 'absent' }
  | { kind: 'ok'; document: VaultDocument; fingerprint: string }
  | { kind: 'damaged'; problem: VaultFileProblem };

export type StoredBackup = { id: string; path: string; savedAt: Date; bytes: number; secretCount: number | null };

export type VaultFileStore = {
  readonly path: string;
  read(): Promise<ReadResult>;
  /**
   * Runs `work` holding the lock every Countersign process takes before a
   * read-modify-write of the vault file; reads inside it see the latest file.
   */
  locked<T>(work: () => Promise<T>): Promise<T>;
  /** A cheap token that changes whenever the file is replaced (inode, size, mtime); null when absent. */
  stamp(): Promise<string | null>;
  /**
   * Writes a new version. The file on disk must still be the one read or
   * last written (`expectedFingerprint`, null when there was none); it is
   * copied into the rotated backups first. Returns the new fingerprint.
   */
  write(document: VaultDocument, expectedFingerprint: string | null): Promise<string>;
  listBackups(): Promise<StoredBackup[]>;
  /** Puts a backup in place; a damaged current file is kept beside it, renamed, never deleted. */
  restoreBackup(id: string): Promise<{ keptDamagedAs: string | null }>;
};

export type VaultFileStoreOptions = {
  dataDir: string;
  fileName?: string;
  keepBackups?: number;
  clock?: () => Date;
};

/** Raised when the file changed under us (another Countersign process wrote it). */
export class VaultChangedOnDiskError extends Error {
  constructor() {
    super('The vault file was changed by another Countersign process since it was opened.');
    this.name = 'VaultChangedOnDiskError';
  }
}

// vault-<time>-<sequence>.json; the sequence only grows, so order survives a clock set back.
const BACKUP_NAME = /^vault-(\d{8}T\d{9}Z)-(\d+)\.json$/;

export function createVaultFileStore(options: VaultFileStoreOptions): VaultFileStore {
  const path = join(options.dataDir, options.fileName ?? VAULT_FILE_NAME);
  const backupDir = join(options.dataDir, BACKUP_DIR_NAME);
  const keep = options.keepBackups ?? DEFAULT_KEEP_BACKUPS;
  const clock = options.clock ?? (() => new Date());

  const readRaw = async (): Promise<Buffer | null> => {
    try {
      return await readFile(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  const read = async (): Promise<ReadResult> => {
    let raw: Buffer | null;
    try {
      raw = await readRaw();
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
      return { kind: 'damaged', problem: new VaultFileProblem('unreadable', path, `The vault file ${path} cannot be read (${reason}).`) };
    }
    if (raw === null) return { kind: 'absent' };
    try {
      return { kind: 'ok', document: parseVaultBytes(raw, path, VAULT_FORMAT), fingerprint: fingerprintOf(raw) };
    } catch (error) {
      if (error instanceof VaultFileProblem) return { kind: 'damaged', problem: error };
      throw error;
    }
  };

  const backupCurrent = async (current: Buffer): Promise<void> => {
    await mkdir(backupDir, { recursive: true, mode: 0o700 });
    const existing = (await readdir(backupDir)).filter((file) => BACKUP_NAME.test(file));
    const sequence = Math.max(0, ...existing.map(sequenceOf)) + 1;
    await writeFileAtomic(join(backupDir, `vault-${compactStamp(clock())}-${sequence}.json`), current);
    const backups = (await readdir(backupDir)).filter((file) => BACKUP_NAME.test(file)).sort(byBackupAge);
    for (const old of backups.slice(keep)) await rm(join(backupDir, old), { force: true });
  };

  const write = async (document: VaultDocument, expectedFingerprint: string | null): Promise<string> => {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const current = await readRaw();
    const currentFingerprint = current === null ? null : fingerprintOf(current);
    if (currentFingerprint !== expectedFingerprint) throw new VaultChangedOnDiskError();
    // Only a file we read and trusted gets here, so every backup is a good one.
    if (current !== null) await backupCurrent(current);
    const bytes = Buffer.from(serializeDocument(document), 'utf8');
    await writeFileAtomic(path, bytes);
    await removeStaleTempFiles(options.dataDir);
    await removeStaleTempFiles(backupDir);
    return fingerprintOf(bytes);
  };

  const listBackups = async (): Promise<StoredBackup[]> => {
    let names: string[];
    try {
      names = await readdir(backupDir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const result: StoredBackup[] = [];
    for (const name of names.filter((file) => BACKUP_NAME.test(file)).sort(byBackupAge)) {
      const file = join(backupDir, name);
      const raw = await readFile(file);
      let secretCount: number | null;
      try {
        secretCount = parseVaultBytes(raw, file, VAULT_FORMAT).secrets.length;
      } catch {
        secretCount = null;
      }
      result.push({ id: name, path: file, savedAt: (await stat(file)).mtime, bytes: raw.length, secretCount });
    }
    return result;
  };

  const restoreBackup = async (id: string): Promise<{ keptDamagedAs: string | null }> => {
    if (!BACKUP_NAME.test(id)) throw new Error(`There is no backup named ${JSON.stringify(id)}.`);
    const source = join(backupDir, id);
    let raw: Buffer;
    try {
      raw = await readFile(source);
    } catch (error) {
      if (isMissing(error)) throw new Error(`There is no backup named ${JSON.stringify(id)}.`, { cause: error });
      throw error;
    }
    parseVaultBytes(raw, source, VAULT_FORMAT);
    let keptDamagedAs: string | null = null;
    const current = await readRaw();
    if (current !== null) {
      keptDamagedAs = `${path}.replaced-${compactStamp(clock())}`;
      await rename(path, keptDamagedAs);
      await restrictMode(keptDamagedAs);
      await syncDirectory(options.dataDir);
    }
    await writeFileAtomic(path, raw);
    return { keptDamagedAs };
  };

  const locked = <T>(work: () => Promise<T>) => withVaultLock(options.dataDir, join(options.dataDir, LOCK_FILE_NAME), work);

  // Checked on every secret read: a synchronous stat of one local file costs microseconds, while the
  // promise version waits for a free thread-pool slot (about a millisecond per send on a busy machine).
  const stamp = (): Promise<string | null> => {
    try {
      const info = statSync(path, { bigint: true });
      return Promise.resolve(`${String(info.ino)}:${String(info.size)}:${String(info.mtimeNs)}:${String(info.ctimeNs)}`);
    } catch (error) {
      return isMissing(error) ? Promise.resolve(null) : Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return { path, read, locked, stamp, write, listBackups, restoreBackup };
}

export function fingerprintOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** 20261123T104934123Z: sorts by time as text and is safe in file names everywhere. */
function compactStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function sequenceOf(name: string): number {
  return Number(BACKUP_NAME.exec(name)?.[2] ?? 0);
}

/** Newest first. */
function byBackupAge(a: string, b: string): number {
  return sequenceOf(b) - sequenceOf(a);
}
