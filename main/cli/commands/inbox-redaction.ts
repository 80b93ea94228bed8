/** The secret values the standalone inbox hides in what it prints (it has no send of its own to learn them from). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Redactor } from '../../core/redactor.ts';
import { resolveDataDir } from '../../platform/data-dir.ts';
import { VAULT_FILE_NAME } from '../../vault/file/vault-file-store.ts';
import { PASSPHRASE_ENV } from '../../vault/passphrase-from-env.ts';
import type { CliContext } from '../context.ts';
import type { CliIo } from '../io.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';

const PROVIDER_VARIABLE = /^COUNTERSIGN_SECRET_/;

export async function learnSecretValues(
  redactor: Redactor,
  options: { dataDir: string | undefined; mustUnlock: boolean; io: CliIo; context: CliContext },
): Promise<{ note?: string }> {
  const { io } = options;
  for (const [name, value] of Object.entries(io.env)) if (PROVIDER_VARIABLE.test(name) && value !== undefined) redactor.add(value);
  // No vault: nothing to learn, and no reason to open (and so create) a data directory.
  if (!existsSync(join(resolveDataDir(options.dataDir, io.env), VAULT_FILE_NAME))) return {};
  return withBackend(options.dataDir, io, options.context, async (backend) => {
    const status = await service(() => backend.dispatcher.call('vault:status', {}));
    if (status.state === 'absent') return {};
    if (status.state !== 'unlocked') {
      // Without --redact, only ways that ask nothing: the agent (tried by unlockVault) or the variable.
      const quiet = io.env[PASSPHRASE_ENV] !== undefined && io.env[PASSPHRASE_ENV] !== '';
      const context = options.mustUnlock || quiet ? options.context : { ...options.context, promptHidden: undefined };
      try {
        await unlockVault(backend, io, context);
      } catch (error) {
        if (options.mustUnlock) throw error;
        return { note: 'Note: the vault is locked, so its values cannot be recognised: callbacks print as received. Use --redact, COUNTERSIGN_PASSPHRASE or "countersign vault unlock --for 15m" to hide them.' };
      }
    }
    const { secrets } = await service(() => backend.dispatcher.call('vault:list', {}));
    // direct call: the values only feed this process's redactor, and no channel may return a secret value.
    for (const secret of secrets) redactor.add(await backend.vault.get(secret.environment, secret.name));
    return {};
  });
}
