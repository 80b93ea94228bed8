import type { EnvironmentReferences, ReferencedSecret } from '../../../../main/contract/referenced-secrets.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

const SERVED_BY = { vault: 'in the vault', env: 'CI variable', pass: 'pass' } as const;

function stateText(secret: ReferencedSecret): string {
  if (secret.state === 'missing') return 'Missing';
  if (secret.state === 'unknown') return 'Not known while the vault is locked';
  if (secret.provider === null || secret.provider === 'vault') return 'In the vault';
  return `From ${SERVED_BY[secret.provider]} ${secret.location ?? ''}`.trim();
}

/**
 * The secret names the collections refer to in one environment, which are
 * missing, and "Add" for each missing one (it fills the add form below with
 * the name). Names only: nothing here reads a value.
 */
export function ReferencedSecrets(props: {
  environment: string;
  references: EnvironmentReferences | undefined;
  error: string | null;
  onAdd: (name: string) => void;
}) {
  const secrets = props.references?.secrets ?? [];
  const missing = secrets.filter((secret) => secret.state === 'missing').length;
  return (
    <section className="card" aria-labelledby="vault-referenced-title" data-testid="vault-referenced">
      <h3 id="vault-referenced-title">Secrets your collections use in {props.environment}</h3>
      <ErrorNote error={props.error} />
      {secrets.length === 0 ? (
        <p className="empty">No collection refers to a secret in {props.environment}.</p>
      ) : (
        <>
          <p className="hint" data-testid="vault-referenced-summary">
            {missing === 0 ? `All ${secrets.length} are available.` : `${missing} of ${secrets.length} missing: requests that use them will not sign in ${props.environment}.`}
          </p>
          <div className="table-scroll">
            <table className="table referenced-table" aria-label={`Secrets collections use in ${props.environment}`}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Used by</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {secrets.map((secret) => (
                  <tr key={secret.name} data-testid="referenced-row" data-state={secret.state}>
                    <td>
                      <code>{secret.name}</code>
                    </td>
                    <td>{secret.collections.join(', ')}</td>
                    <td className={`referenced-state ${secret.state}`}>{stateText(secret)}</td>
                    <td className="referenced-action">
                      {secret.state === 'missing' && (
                        <button type="button" aria-label={`Add ${secret.name} to ${props.environment}`} onClick={() => props.onAdd(secret.name)}>
                          Add
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
