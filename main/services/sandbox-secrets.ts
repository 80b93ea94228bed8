import type { VaultService } from '../vault/index.ts';
import { sampleSandboxSecrets } from '../workspace/samples/sample-workspace.ts';

/**
 * A new vault starts with the built-in sandbox's published test credentials
 * in its Sandbox environment, so every sample can be sent at once. They
 * protect nothing (the sandbox listens on loopback); real environments stay empty.
 */
export async function seedSandboxSecrets(vault: VaultService, log: (message: string, error?: unknown) => void): Promise<void> {
  try {
    const present = new Set(vault.list({ environment: 'Sandbox' }).secrets.map((secret) => secret.name));
    for (const secret of sampleSandboxSecrets()) {
      if (!present.has(secret.name)) await vault.add(secret);
    }
  } catch (error) {
    log('could not add the sandbox sample credentials to the new vault', error);
  }
}
