import { createPrivateKey, createPublicKey } from 'node:crypto';
import { ServiceError } from '../contract/errors.ts';
import { publicKeyPem } from '../keys/export-key.ts';
import type { VaultKeyAdoption } from '../keys/vault-key-store.ts';
import type { StoredKeyMeta } from '../keys/vault-port.ts';

export type VaultKeysDeps = {
  vault: {
    list(input: { environment?: string }): { secrets: readonly { environment: string; name: string; kind: string; updatedAt: string }[] };
    reveal(environment: string, name: string, purpose: 'export'): Promise<string>;
  };
  keyStore: VaultKeyAdoption & { meta(environment: string, name: string): Promise<StoredKeyMeta | undefined> };
  log: (message: string, error?: unknown) => void;
};

/**
 * Before the Keys page lists an environment: every RSA private key the vault
 * holds there without public facts (the sandbox sample, one added on the
 * Vault page or with `vault set`) gets them, derived once from the key
 * itself, so the list shows every key in the vault. A locked vault is left
 * alone (the list then shows what it knows); a value that is not a usable
 * RSA key stays a plain secret.
 */
export async function adoptVaultKeys(deps: VaultKeysDeps, environment: string): Promise<void> {
  let secrets: ReturnType<VaultKeysDeps['vault']['list']>['secrets'];
  try {
    secrets = deps.vault.list({ environment }).secrets;
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'locked') return;
    throw error;
  }
  for (const secret of secrets) {
    if (secret.environment !== environment || secret.kind !== 'rsa_private_key') continue;
    if (await deps.keyStore.meta(environment, secret.name)) continue;
    try {
      const key = createPrivateKey(await deps.vault.reveal(environment, secret.name, 'export'));
      if (key.asymmetricKeyType !== 'rsa') continue;
      deps.keyStore.adopt(environment, secret.name, {
        bits: key.asymmetricKeyDetails?.modulusLength ?? 0,
        created: secret.updatedAt,
        origin: 'imported',
        publicKeyPem: publicKeyPem(createPublicKey(key)),
      });
    } catch (error) {
      // Named, never the value: the secret stays in the vault, just not on the Keys page.
      deps.log(`vault secret "${secret.name}" in ${environment} is marked as an RSA private key but could not be read as one`, error);
    }
  }
}
