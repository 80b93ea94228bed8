import { resolveDataDir } from '../platform/data-dir.ts';
import type { Backend } from '../services/backend.ts';
import { PASSPHRASE_ENV } from '../vault/passphrase-from-env.ts';
import type { CliContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { CliError, type CliIo } from './io.ts';
import { service } from './service-errors.ts';

/** Opens the backend on the chosen data directory for one command and always closes it. */
export async function withBackend<T>(dataDir: string | undefined, io: CliIo, context: CliContext, work: (backend: Backend) => Promise<T>): Promise<T> {
  const dir = resolveDataDir(dataDir, io.env);
  const backend = context.openBackend(dir);
  // The env and pass secret providers read this command's environment (tests pass their own).
  backend.setSecretProviderEnvironment(io.env);
  try {
    return await work(asCliDoor(backend));
  } finally {
    await backend.close();
  }
}

const CLI_DOOR = { door: 'cli' } as const;

/** The backend as commands see it: every channel call comes from the CLI door, which alone may use the cli: channels. */
function asCliDoor(backend: Backend): Backend {
  const { dispatcher } = backend;
  return {
    ...backend,
    dispatcher: {
      invoke: (name, input, context) => dispatcher.invoke(name, input, context),
      call: (name, input, context = CLI_DOOR) => dispatcher.call(name, input, context),
    },
  };
}

/**
 * Unlocks with COUNTERSIGN_PASSPHRASE or a hidden prompt. Without either
 * (a script with no terminal) it fails at once instead of waiting on stdin.
 */
export async function unlockVault(backend: Backend, io: CliIo, context: CliContext): Promise<void> {
  const status = await service(() => backend.dispatcher.call('vault:status', {}));
  if (status.state === 'unlocked') return;
  if (status.state === 'absent') throw new CliError('There is no vault in this data directory yet: create one with "countersign vault init".', EXIT.config);
  if (status.state === 'damaged') {
    throw new CliError(`The vault cannot be opened: ${status.problem?.message ?? 'its file is damaged'}. "countersign vault restore" lists the copies kept beside it.`, EXIT.config);
  }
  // An unlock agent started by "vault unlock --for" spares the scrypt derivation (main/vault-agent/).
  const agent = await service(() => backend.dispatcher.call('cli:unlock-with-agent', {}));
  for (const warning of agent.warnings) io.err(`countersign: ${warning}\n`);
  if (agent.unlocked) return;
  const fromEnv = io.env[PASSPHRASE_ENV];
  const prompt = context.promptHidden;
  const hasEnv = fromEnv !== undefined && fromEnv !== '';
  if (!hasEnv && !prompt && status.protection.passphraseRequired) {
    throw new CliError(`The vault is locked: set ${PASSPHRASE_ENV} or run in a terminal to be asked for the passphrase.`, EXIT.config);
  }
  const passphrase = hasEnv ? fromEnv : prompt ? await prompt('Vault passphrase: ') : undefined;
  if (passphrase === '') throw new CliError('The vault stayed locked: check the passphrase.', EXIT.config);
  const unlocked = await service(() => backend.dispatcher.call('vault:unlock', passphrase === undefined ? {} : { passphrase }));
  if (unlocked.state !== 'unlocked') throw new CliError('The vault stayed locked: check the passphrase.', EXIT.config);
}
