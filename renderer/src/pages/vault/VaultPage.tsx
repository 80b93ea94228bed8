import { useMemo, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { EnvironmentTabs } from '../../components/EnvironmentTabs.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { AddSecretForm, type SecretPrefill } from './AddSecretForm.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { DamagedVault } from './DamagedVault.tsx';
import { DEFAULT_ENVIRONMENTS } from './limits.ts';
import { ProtectionPanel } from './ProtectionPanel.tsx';
import { ProvidersPanel } from './ProvidersPanel.tsx';
import { ReferencedSecrets } from './ReferencedSecrets.tsx';
import { SecretTable } from './SecretTable.tsx';
import { SetupVault } from './SetupVault.tsx';
import { UnlockVault } from './UnlockVault.tsx';
import { useReferencedSecrets } from './use-referenced-secrets.ts';
import { useVault } from './use-vault.ts';

export function VaultPage() {
  const api = useApi();
  const vault = useVault();
  const referenced = useReferencedSecrets();
  const [environment, setEnvironment] = useState<string>(DEFAULT_ENVIRONMENTS[0]);
  const [prefill, setPrefill] = useState<SecretPrefill | null>(null);
  const environments = useMemo(
    () => [
      ...new Set([
        ...DEFAULT_ENVIRONMENTS,
        ...referenced.environments.map((entry) => entry.environment),
        ...vault.secrets.map((secret) => secret.environment),
        environment,
      ]),
    ],
    [vault.secrets, referenced.environments, environment],
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
          <EnvironmentTabs
            environments={environments}
            current={environment}
            onSelect={(next) => {
              setEnvironment(next);
              setPrefill(null);
            }}
          />
          <SecretTable environment={environment} secrets={vault.secrets.filter((secret) => secret.environment === environment)} />
          <ReferencedSecrets
            environment={environment}
            references={referenced.environments.find((entry) => entry.environment === environment)}
            error={referenced.error}
            onAdd={(name) => setPrefill((last) => ({ name, seq: (last?.seq ?? 0) + 1 }))}
          />
          <AddSecretForm environment={environment} prefill={prefill} />
          <ProvidersPanel environment={environment} />
          <ProtectionPanel status={status} />
          <BackupPanel />
        </>
      )}
    </section>
  );
}
