import { ErrorNote } from '../../components/ErrorNote.tsx';
import { EnvironmentProvidersForm } from './EnvironmentProvidersForm.tsx';
import { useSecretProviders } from './use-secret-providers.ts';

const PROVIDER_LABEL = { vault: 'Vault', env: 'Environment variable', pass: 'pass' } as const;

/**
 * Where this environment's secrets come from: the vault first, then the
 * providers each collection's environment lists. Names and places only: no
 * value is read to draw this.
 */
export function ProvidersPanel({ environment }: { environment: string }) {
  const { environments, error, refresh } = useSecretProviders(environment);
  return (
    <section className="card" aria-labelledby="vault-providers-title" data-testid="secret-providers">
      <h3 id="vault-providers-title">Secret providers for {environment}</h3>
      <p className="hint">
        A {'{{secret:name}}'} is looked up in the vault first, then in each provider listed below, in order. The value is never shown: only where it comes
        from.
      </p>
      <ErrorNote error={error} />
      {environments.length === 0 && <p className="empty">No collection has an environment named {environment}.</p>}
      {environments.map((entry) => (
        <div key={entry.environmentId} className="provider-env" data-testid={`providers-${entry.collectionName}`}>
          <h4>
            {entry.collectionName} · {entry.environmentName}
          </h4>
          <EnvironmentProvidersForm key={JSON.stringify(entry.providers)} entry={entry} onSaved={() => void refresh()} />
          <ul className="plain-list" aria-label={`Where ${entry.collectionName} looks`}>
            {entry.lookups.map((lookup) => (
              <li key={lookup.provider}>{lookup.where}</li>
            ))}
          </ul>
          {entry.secrets.length > 0 && (
            <table className="table" aria-label={`Which provider serves each secret of ${entry.collectionName} · ${entry.environmentName}`}>
              <thead>
                <tr>
                  <th scope="col">Secret</th>
                  <th scope="col">Served by</th>
                  <th scope="col">Where</th>
                </tr>
              </thead>
              <tbody>
                {entry.secrets.map((secret) => (
                  <tr key={secret.name}>
                    <td>{secret.name}</td>
                    <td>{secret.provider === null ? 'not found' : PROVIDER_LABEL[secret.provider]}</td>
                    <td>{secret.location ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {entry.notes.map((note) => (
            <p key={note} className="warn">
              {note}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}
