import { resolveDataDir } from '../platform/data-dir.ts';
import type { Backend } from '../services/backend.ts';
import { PASSPHRASE_ENV, unlockWithEnvironmentOrPrompt } from '../vault/passphrase-from-env.ts';
import { unlockWithAgent } from '../vault-agent/use-agent.ts';
import type { CliContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { CliError, type CliIo } from './io.ts';
import { service } from './service-errors.ts';

/** The data directory each open backend was made for (the unlock agent is per data directory). */
const dataDirs = new WeakMap<Backend, string>();

/** Opens the backend on the chosen data directory for one command and always closes it. */
export async function withBackend<T>(dataDir: string | undefined, io: CliIo, context: CliContext, work: (backend: Backend) => Promise<T>): Promise<T> {
  const dir = resolveDataDir(dataDir, io.env);
  const backend = context.openBackend(dir);
  // The env and pass secret providers read this command's environment (tests pass their own).
  backend.setSecretProviderEnvironment(io.env);
  dataDirs.set(backend, dir);
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

/**
 * Unlocks with COUNTERSIGN_PASSPHRASE or a hidden prompt. Without either
 * (a script with no terminal) it fails at once instead of waiting on stdin.
 */
export async function unlockVault(backend: Backend, io: CliIo, context: CliContext): Promise<void> {
  const status = await backend.vault.status();
  if (status.state === 'unlocked') return;
  if (status.state === 'absent') throw new CliError('There is no vault in this data directory yet: create one with "countersign vault init".', EXIT.config);
  if (status.state === 'damaged') {
    throw new CliError(`The vault cannot be opened: ${status.problem?.message ?? 'its file is damaged'}. "countersign vault restore" lists the copies kept beside it.`, EXIT.config);
  }
  // An unlock agent started by "vault unlock --for" spares the scrypt derivation (main/vault-agent/).
  const dir = dataDirs.get(backend);
  if (dir !== undefined && (await unlockWithAgent(backend.vault, dir, io.env, (message) => io.err(`countersign: ${message}\n`)))) return;
  const fromEnv = io.env[PASSPHRASE_ENV];
  const prompt = context.promptHidden;
  if ((fromEnv === undefined || fromEnv === '') && !prompt && status.protection.passphraseRequired) {
    throw new CliError(`The vault is locked: set ${PASSPHRASE_ENV} or run in a terminal to be asked for the passphrase.`, EXIT.config);
  }
  await service(() => unlockWithEnvironmentOrPrompt(backend.vault, io.env, prompt ? () => prompt('Vault passphrase: ') : undefined));
  if ((await backend.vault.status()).state !== 'unlocked') throw new CliError('The vault stayed locked: check the passphrase.', EXIT.config);
}
