/**
 * Defers the vault's unlock to the first secret a send reads, so a request that uses none (and a
 * `trace` of one) never pays for the passphrase derivation. Concurrent reads share one unlock; a
 * failed unlock is retried by the next read.
 */
export function createUnlockOnDemand() {
  let unlock: (() => Promise<void>) | undefined;
  let unlocking: Promise<void> | undefined;
  return {
    /** The door's unlock (the CLI's passphrase from the environment or a prompt). */
    set(next: () => Promise<void>): void {
      unlock = next;
      unlocking = undefined;
    },
    async beforeSecretRead(): Promise<void> {
      const pending = unlock;
      if (!pending) return;
      unlocking ??= pending().then(
        () => {
          unlock = undefined;
        },
        (error: unknown) => {
          unlocking = undefined;
          throw error;
        },
      );
      await unlocking;
    },
  };
}
