import { useMemo, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { EnvironmentTabs } from '../../components/EnvironmentTabs.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { AddSecretForm } from './AddSecretForm.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { DamagedVault } from './DamagedVault.tsx';
import { DEFAULT_ENVIRONMENTS } from './limits.ts';
import { ProtectionPanel } from './ProtectionPanel.tsx';
import { ProvidersPanel } from './ProvidersPanel.tsx';
import { SecretTable } from './SecretTable.tsx';
import { SetupVault } from './SetupVault.tsx';
import { UnlockVault } from './UnlockVault.tsx';
import { useVault } from './use-vault.ts';

export function VaultPage() {
  const api = useApi();
  const vault = useVault();
  const [environment, setEnvironment] = useState<string>(DEFAULT_ENVIRONMENTS[0]);
  const environments = useMemo(
    () => [...new Set([...DEFAULT_ENVIRONMENTS, ...vault.secrets.map((secret) => secret.environment), environment])],
    [vault.secrets, environment],
  );
  const status = vault.status;

  return (
    <section className="page" aria-labelledby="vault-title">
      <header className="page-header">
        <h2 id="vault-title">Vault</h2>
        {status && (
          <span className={`badge state-${status.state}`} data-testid="vault-state">
            {status.state === 'unlocked' ? 'Unlocked' : status.state === 'locked' ? 'Locked' : status.state === 'absent' ? 'Not set up' : 'Damaged'}
          </span>
        )}
        {status?.state === 'unlocked' && (
          <button type="button" onClick={() => void api.invoke['vault:lock']({})}>
            Lock now
          </button>
        )}
      </header>
      <ErrorNote error={vault.error} />
      {!status && <p>Reading the vault…</p>}
      {status?.state === 'absent' && <SetupVault status={status} />}
      {status?.state === 'locked' && <UnlockVault />}
      {status?.state === 'damaged' && <DamagedVault status={status} />}
      {status?.state === 'unlocked' && (
        <>
          <EnvironmentTabs environments={environments} current={environment} onSelect={setEnvironment} />
          <SecretTable environment={environment} secrets={vault.secrets.filter((secret) => secret.environment === environment)} />
          <AddSecretForm environment={environment} />
          <ProvidersPanel environment={environment} />
          <ProtectionPanel status={status} />
          <BackupPanel />
        </>
      )}
    </section>
  );
}
