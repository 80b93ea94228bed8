import type { VaultState } from '../../../../main/contract/vault.ts';

/** Says why key material cannot be made or opened now, and where to fix it. The unlock form lives on the Vault page only. */
export function VaultNotice({ state, onOpenVault }: { state: VaultState | null; onOpenVault?: () => void }) {
  if (state === null || state === 'unlocked') return null;
  const text =
    state === 'absent'
      ? 'There is no vault yet. Private keys are stored in the vault: create it on the Vault page, then come back.'
      : state === 'locked'
        ? 'The vault is locked. Unlock it on the Vault page to generate, import, export, rotate or test keys.'
        : 'The vault file cannot be opened. See the Vault page for what is wrong and how to restore a copy.';
  return (
    <p className="card notice" role="status" data-testid="keys-vault-notice">
      {text}{' '}
      {onOpenVault && (
        <button type="button" onClick={onOpenVault}>
          Open the Vault
        </button>
      )}
    </p>
  );
}
