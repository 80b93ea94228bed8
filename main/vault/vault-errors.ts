import { ServiceError } from '../contract/errors.ts';

/**
 * The four reasons a secret cannot be had, each with its own code so the UI
 * can offer the one button that helps (Create, Unlock, Add, Restore) and the
 * CLI can name the command. Messages name the secret, never its value.
 */
export const vaultErrors = {
  absent: () =>
    new ServiceError('vault_absent', 'There is no vault yet: create one (Vault screen → Create vault, or "countersign vault init") and add the secrets this request needs.'),
  locked: () => new ServiceError('locked', 'The vault is locked. Unlock it to continue (Vault screen → Unlock, or COUNTERSIGN_PASSPHRASE / the prompt in the CLI).'),
  missing: (environment: string, name: string) =>
    new ServiceError(
      'secret_missing',
      `The vault has no secret "${name}" in environment "${environment}". Add it (Vault screen → Add secret, or "countersign vault set ${name} --env ${quoteArg(environment)}").`,
    ),
  damagedSecret: (environment: string, name: string) =>
    new ServiceError(
      'vault_damaged',
      `The secret "${name}" in environment "${environment}" is damaged: its stored ciphertext fails authentication, so it was not used. Restore the vault from a backup (Vault screen → Backups, or "countersign vault restore") or set the secret again.`,
    ),
  damagedVault: (detail: string) =>
    new ServiceError('vault_damaged', `${detail} It was left as it is; restore a backup (Vault screen → Backups, or "countersign vault restore").`),
};

export const VAULT_ERROR_CODES = ['vault_absent', 'locked', 'secret_missing', 'vault_damaged', 'secret_host_refused', 'secret_provider_failed'] as const;

/** Finds a vault refusal (or a host-binding refusal) in an error or its causes (the signer wraps the vault's error as `cause`). */
export function vaultErrorIn(error: unknown): (ServiceError & { code: (typeof VAULT_ERROR_CODES)[number] }) | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof ServiceError && isVaultCode(current.code)) return current as ServiceError & { code: (typeof VAULT_ERROR_CODES)[number] };
    current = current.cause;
  }
  return null;
}

function isVaultCode(code: string): code is (typeof VAULT_ERROR_CODES)[number] {
  return (VAULT_ERROR_CODES as readonly string[]).includes(code);
}

function quoteArg(text: string): string {
  return /^[\w.:@/-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}
