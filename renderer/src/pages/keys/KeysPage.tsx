import { useMemo, useState } from 'react';
import type { KeySummary } from '../../../../main/contract/keys.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { DEFAULT_ENVIRONMENTS } from '../vault/limits.ts';
import { EnvironmentTabs } from '../../components/EnvironmentTabs.tsx';
import { GenerateKeyForm } from './GenerateKeyForm.tsx';
import { ImportKeyForm } from './ImportKeyForm.tsx';
import { KeyDetails } from './KeyDetails.tsx';
import { KeyTable } from './KeyTable.tsx';
import { useKeyEnvironments } from './use-key-environments.ts';
import { useKeyList } from './use-key-list.ts';
import { useVaultState } from './use-vault-state.ts';
import { VaultNotice } from './VaultNotice.tsx';

const STATE_LABEL = { absent: 'Vault not set up', locked: 'Vault locked', unlocked: 'Vault unlocked', damaged: 'Vault damaged' } as const;

/**
 * The RSA key wizard: keys per environment, generate or import into the
 * vault, hand over the public key, export the private one, rotate, delete
 * and test against the sandbox.
 */
export function KeysPage({ onOpenVault }: { onOpenVault?: () => void } = {}) {
  const vaultState = useVaultState();
  const [environment, setEnvironment] = useState<string>(DEFAULT_ENVIRONMENTS[0]);
  const [extraEnvironments, setExtraEnvironments] = useState<string[]>([]);
  const [selectedName, setSelectedName] = useState<string | null>(null);
  const list = useKeyList(environment);
  const unlocked = vaultState === 'unlocked';
  const takenNames = useMemo(() => (list.keys ?? []).map((entry) => entry.name), [list.keys]);
  const stored = useKeyEnvironments(vaultState);
  const environments = useMemo(() => [...new Set([...DEFAULT_ENVIRONMENTS, ...stored, ...extraEnvironments])], [stored, extraEnvironments]);

  // The details follow the list, so a rotation confirmed or a key deleted shows at once.
  const selected: KeySummary | null = list.keys?.find((entry) => entry.name === selectedName) ?? null;

  const select = (name: string) => {
    setEnvironment(name);
    setSelectedName(null);
    if (!environments.includes(name)) setExtraEnvironments((known) => [...known, name]);
  };
  const showNew = (key: KeySummary) => {
    setSelectedName(key.name);
    list.refresh();
  };

  return (
    <section className="page keys-page" aria-labelledby="keys-title">
      <header className="page-header">
        <h2 id="keys-title">Keys</h2>
        {vaultState && (
          <span className={`badge state-${vaultState}`} data-testid="keys-vault-state">
            {STATE_LABEL[vaultState]}
          </span>
        )}
      </header>
      <p className="lead">
        RSA key pairs for gateways that sign with them (such as Elecsnet&apos;s OAuth 1.0a RSA-SHA256). The private key stays in the vault;
        you hand over the public key. Use different keys for production and for testing.
      </p>
      <VaultNotice state={vaultState} {...(onOpenVault ? { onOpenVault } : {})} />
      <EnvironmentTabs environments={environments} current={environment} onSelect={select} />
      <section className="card" aria-labelledby="keys-list-title">
        <h3 id="keys-list-title">Keys in {environment}</h3>
        <ErrorNote error={list.error} />
        {list.locked ? (
          <p className="empty" data-testid="keys-locked">
            {vaultState === 'absent'
              ? 'No vault yet, so no keys. Create the vault on the Vault page, then generate or import a key here.'
              : `The key list needs the unlocked vault: it checks that each key's private half is still stored. Unlock the vault on the Vault page to see the keys of ${environment}.`}
          </p>
        ) : list.keys === null ? (
          !list.error && <p className="hint">Reading keys…</p>
        ) : (
          <KeyTable
            environment={environment}
            keys={list.keys}
            vaultUnlocked={unlocked}
            selected={selectedName}
            onSelect={(entry) => setSelectedName(entry.name === selectedName ? null : entry.name)}
            onChanged={list.refresh}
          />
        )}
      </section>
      {selected && <KeyDetails summary={selected} vaultUnlocked={unlocked} onClose={() => setSelectedName(null)} />}
      <GenerateKeyForm environment={environment} vaultUnlocked={unlocked} takenNames={takenNames} onCreated={showNew} />
      <ImportKeyForm environment={environment} vaultUnlocked={unlocked} takenNames={takenNames} onImported={showNew} />
    </section>
  );
}
