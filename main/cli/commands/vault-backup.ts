import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_BACKUP_CHARS } from '../../contract/vault.ts';
import type { Backend } from '../../services/backend.ts';
import { PASSPHRASE_ENV } from '../../vault/passphrase-from-env.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { service } from '../service-errors.ts';

export const BACKUP_PASSPHRASE_ENV = 'COUNTERSIGN_BACKUP_PASSPHRASE';

/** The vault's own passphrase, for what needs it even on an open vault (a backup, where a secret may go). */
export async function vaultPassphrase(io: CliIo, context: CliContext): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!context.promptHidden) throw new CliError(`Set ${PASSPHRASE_ENV} or run in a terminal to give the vault passphrase.`, EXIT.config);
  return context.promptHidden('Vault passphrase: ');
}

/** `vault backup [--out DIR]`: main writes the encrypted file (0600, never over another) and prints where. */
export async function backupVault(backend: Backend, io: CliIo, context: CliContext, out: string | undefined): Promise<number> {
  const passphrase = await vaultPassphrase(io, context);
  await service(() => backend.dispatcher.call('vault:unlock', { passphrase }));
  const saved = await service(() => backend.dispatcher.call('vault:export-backup', { passphrase, ...(out === undefined ? {} : { directory: resolve(out) }) }));
  io.out(`${saved.path}\n`);
  io.err(`Backed up ${saved.secretCount} secrets. The file opens with this vault's passphrase ("countersign vault restore --from FILE").\n`);
  return EXIT.ok;
}

/**
 * `vault restore`: lists the copies kept beside the vault; `--id ID` puts one
 * in place (the damaged file is kept, renamed); `--from FILE` adds the
 * secrets of a backup file (made by "vault backup", possibly elsewhere).
 */
export async function restoreVault(
  backend: Backend,
  io: CliIo,
  context: CliContext,
  options: { id: string | undefined; from: string | undefined; replace: boolean; unlock: () => Promise<void> },
): Promise<number> {
  if (options.id !== undefined && options.from !== undefined) throw new CliError('Give either --id (a kept copy) or --from (a backup file), not both.', EXIT.usage);
  if (options.from !== undefined) return importFile(backend, io, context, options.from, options.replace, options.unlock);
  if (options.id !== undefined) {
    const id = options.id;
    const status = await service(() => backend.dispatcher.call('vault:restore-local-backup', { id }));
    io.err(`Restored ${id}; the vault is ${status.state}. The file it replaced was kept beside it.\n`);
    return EXIT.ok;
  }
  const { backups } = await service(() => backend.dispatcher.call('vault:local-backups', {}));
  if (backups.length === 0) {
    io.err('No copies are kept beside this vault yet (one is made before each change).\n');
    return EXIT.ok;
  }
  io.err('Copies kept beside the vault, newest first; restore one with "countersign vault restore --id ID":\n');
  for (const backup of backups) {
    const count = backup.secretCount === null ? 'unreadable' : `${backup.secretCount} secrets`;
    io.out(`${backup.id.padEnd(40)} ${backup.savedAt}  ${count}\n`);
  }
  return EXIT.ok;
}

async function importFile(backend: Backend, io: CliIo, context: CliContext, file: string, replace: boolean, unlock: () => Promise<void>): Promise<number> {
  let content: string;
  try {
    content = await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`, EXIT.usage);
  }
  if (content.length > MAX_BACKUP_CHARS) throw new CliError(`${file} is larger than a backup can be.`, EXIT.usage);
  await unlock();
  const fromEnv = io.env[BACKUP_PASSPHRASE_ENV];
  let passphrase = fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined;
  if (passphrase === undefined) {
    if (!context.promptHidden) throw new CliError(`Set ${BACKUP_PASSPHRASE_ENV} or run in a terminal to give the passphrase of the vault the backup came from.`, EXIT.config);
    passphrase = await context.promptHidden('Passphrase of the vault the backup came from: ');
  }
  const backupPassphrase = passphrase;
  const result = await service(() => backend.dispatcher.call('vault:import-backup', { content, passphrase: backupPassphrase, onConflict: replace ? 'replace' : 'skip' }));
  io.err(`Imported: ${result.added} added, ${result.replaced} replaced, ${result.skipped} kept as they were${replace ? '' : ' (--replace overwrites them)'}.\n`);
  if (result.notice !== undefined) io.err(`Note: ${result.notice}\n`);
  return EXIT.ok;
}
