import type { SecretMetadata, VaultChange, VaultState, VaultStatus } from '../../../main/contract/vault.ts';

/** A vault status as main reports it, in the given state. */
export function vaultStatus(state: VaultState, secretCount: number | null = state === 'unlocked' ? 0 : null): VaultStatus {
  return {
    state,
    protection: { safeStorage: { available: false, backend: null, trusted: false }, passphrase: { set: true }, passphraseRequired: true, passphraseRequiredReason: null },
    autoLockMinutes: 15,
    problem: null,
    secretCount,
  } as unknown as VaultStatus;
}

export function secret(environment: string, name: string): SecretMetadata {
  return { environment, name, kind: 'text', createdAt: '2026-12-03T10:00:00Z', updatedAt: '2026-12-03T10:00:00Z', hint: null, hosts: ['api.example.com'] };
}

export function change(state: VaultState, reason: VaultChange['reason'] = 'secrets'): VaultChange {
  return { reason, status: vaultStatus(state) };
}
