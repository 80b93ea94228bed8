import { mkdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ImportBackupResult, ImportConflict, LocalBackup, SavedBackup } from '../contract/vault.ts';
import { ServiceError } from '../contract/errors.ts';
import { saveNewFile } from '../platform/save-new-file.ts';
import { decodeBackup, encodeBackup, type PlainSecret } from './backup/backup-codec.ts';
import { AuthenticationError } from './crypto/aead.ts';
import type { ScryptParams } from './crypto/scrypt-kdf.ts';
import { sealSecret } from './crypto/secret-codec.ts';
import { VaultFileProblem } from './file/vault-file-problem.ts';
import { checkedValue, decryptRecord, findRecord, identityOf } from './vault-secrets.ts';
import { describe, type VaultSession } from './vault-session.ts';
import { WrongPassphraseError } from './wrappers/passphrase-wrapper.ts';
import { shortValuesNotice } from './short-value-notice.ts';

export type BackupsOptions = {
  clock: () => Date;
  randomBytes: (size: number) => Buffer;
  scryptParams: ScryptParams;
  /** Where a backup goes when the caller names no folder (Downloads). */
  defaultBackupDir: () => string;
  /** The desktop app's native Save dialog (null: cancelled); without it the default folder is used. */
  choosePath: ((defaultPath: string) => Promise<string | null>) | undefined;
  log: (message: string, error?: unknown) => void;
};

/**
 * Backups to move machines (written by main, under the vault's own
 * passphrase) and the rotated copies kept beside the vault file.
 */
export function createVaultBackups(core: VaultSession, options: BackupsOptions) {
  /**
   * Only someone who knows the vault passphrase gets a backup, and main
   * writes it itself: the caller learns where it is, never its bytes.
   */
  const exportBackup = async (input: { passphrase: string; directory?: string | undefined }): Promise<SavedBackup> => {
    if (input.directory !== undefined && !isAbsolute(input.directory)) {
      throw new ServiceError('invalid_input', `The backup folder must be an absolute path; "${input.directory}" is not.`);
    }
    // The passphrase first: a wrong one never opens a dialog or touches the disk.
    await core.exclusive(() => core.verifyPassphrase(input.passphrase, 'no backup was written'));
    const fileName = `countersign-vault-backup-${options.clock().toISOString().slice(0, 10)}.json`;
    let directory = input.directory ?? options.defaultBackupDir();
    let name = fileName;
    if (input.directory === undefined && options.choosePath) {
      // The desktop app's native Save dialog; it runs outside the vault's queue so other work goes on meanwhile.
      const chosen = await options.choosePath(join(directory, fileName));
      if (chosen === null) throw new ServiceError('invalid_input', 'No file was chosen, so no backup was written.');
      directory = dirname(chosen);
      name = basename(chosen);
    }
    return core.exclusive(async () => {
      const current = core.requireSession();
      const secrets: PlainSecret[] = current.document.secrets.map((record) => ({ ...identityOf(record), value: decryptRecord(current, record) }));
      const content = await encodeBackup(secrets, input.passphrase, options.scryptParams, options.randomBytes);
      let path: string;
      try {
        await mkdir(directory, { recursive: true, mode: 0o700 });
        path = await saveNewFile(directory, name, content);
      } catch (error) {
        throw new ServiceError('failed', `The backup could not be written: ${describe(error)}`);
      }
      return { path, secretCount: secrets.length };
    });
  };

  const importBackup = (input: { content: string; passphrase: string; onConflict: ImportConflict }): Promise<ImportBackupResult> =>
    core.exclusive(async () => {
      core.requireSession();
      let incoming: PlainSecret[];
      try {
        incoming = await decodeBackup(input.content, input.passphrase);
      } catch (error) {
        if (error instanceof WrongPassphraseError) throw new ServiceError('forbidden', 'The backup passphrase is wrong. Nothing was imported.');
        if (error instanceof VaultFileProblem || error instanceof AuthenticationError) throw new ServiceError('invalid_input', `${error.message} Nothing was imported.`);
        throw error;
      }
      // Keys from a backup meet the same minimum as keys entering any other way.
      for (const secret of incoming) checkedValue(secret.kind, secret.value);
      let result: ImportBackupResult = { added: 0, replaced: 0, skipped: 0 };
      await core.change('secrets', (latest) => {
        const dataKey = core.requireSession().dataKey;
        const counts: ImportBackupResult = { added: 0, replaced: 0, skipped: 0 };
        const stored: PlainSecret[] = [];
        let secrets = [...latest.secrets];
        for (const secret of incoming) {
          const existing = findRecord({ ...latest, secrets }, secret.environment, secret.name);
          if (existing && input.onConflict === 'skip') {
            counts.skipped++;
            continue;
          }
          const record = sealSecret(dataKey, latest.vaultId, secret, secret.value, options.randomBytes);
          stored.push(secret);
          if (existing) {
            secrets = secrets.map((r) => (r === existing ? record : r));
            counts.replaced++;
          } else {
            secrets.push(record);
            counts.added++;
          }
        }
        result = { ...counts, ...shortValuesNotice(stored) };
        return counts.added + counts.replaced > 0 ? { ...latest, secrets } : null;
      });
      return result;
    });

  const localBackups = async (): Promise<{ backups: LocalBackup[] }> => {
    const backups = await core.store.listBackups();
    return { backups: backups.map((b) => ({ id: b.id, savedAt: b.savedAt.toISOString(), bytes: b.bytes, secretCount: b.secretCount })) };
  };

  const restoreLocalBackup = (input: { id: string }) =>
    core.exclusive(async () => {
      if (core.current()) throw new ServiceError('conflict', 'Lock the vault before restoring a backup.');
      try {
        const { keptDamagedAs } = await core.store.locked(() => core.store.restoreBackup(input.id));
        if (keptDamagedAs) options.log(`the replaced vault file was kept as ${keptDamagedAs}`);
      } catch (error) {
        if (error instanceof VaultFileProblem) throw new ServiceError('failed', `${error.message} Choose another backup.`);
        throw new ServiceError('not_found', describe(error));
      }
      core.clearTampered();
      core.notify('restored');
      return core.status();
    });

  return { exportBackup, importBackup, localBackups, restoreLocalBackup };
}
