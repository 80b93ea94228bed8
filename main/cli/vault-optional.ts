import type { Backend } from '../services/backend.ts';
import type { CliContext } from './context.ts';
import type { CliIo } from './io.ts';
import { service } from './service-errors.ts';
import { unlockVault } from './session.ts';

/**
 * Unlocks the vault before a batch, unless there is none: a CI runner's
 * fresh data directory has no vault, and its secrets come from the env or
 * pass providers (a vault that is absent counts as one with nothing in it).
 * A missing secret then fails with every place it was looked for.
 */
export async function unlockUnlessAbsent(backend: Backend, io: CliIo, context: CliContext): Promise<void> {
  if ((await service(() => backend.dispatcher.call('vault:status', {}))).state === 'absent') return;
  await unlockVault(backend, io, context);
}
