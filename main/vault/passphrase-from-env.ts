import type { VaultService } from './vault-service.ts';

export const PASSPHRASE_ENV = 'COUNTERSIGN_PASSPHRASE';

/**
 * Unlocks for the CLI and browser mode: COUNTERSIGN_PASSPHRASE if set,
 * otherwise the prompt the caller supplies (a no-echo terminal prompt). The
 * variable is read, never logged or copied elsewhere.
 */
export async function unlockWithEnvironmentOrPrompt(
  vault: VaultService,
  env: NodeJS.ProcessEnv = process.env,
  prompt?: () => Promise<string>,
): Promise<void> {
  if ((await vault.status()).state === 'unlocked') return;
  const fromEnv = env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    await vault.unlock({ passphrase: fromEnv });
    return;
  }
  if (prompt) await vault.unlock({ passphrase: await prompt() });
  else await vault.unlock({});
}
