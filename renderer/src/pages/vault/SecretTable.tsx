import { useState } from 'react';
import type { SecretMetadata } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { KIND_LABEL } from './AddSecretForm.tsx';
import { RotateDialog } from './RotateDialog.tsx';
import { HostsDialog } from './HostsDialog.tsx';

export function SecretTable({ environment, secrets }: { environment: string; secrets: SecretMetadata[] }) {
  const api = useApi();
  const { error, run } = useAction();
  const [rotating, setRotating] = useState<SecretMetadata | null>(null);
  const [deleting, setDeleting] = useState<SecretMetadata | null>(null);
  const [editingHosts, setEditingHosts] = useState<SecretMetadata | null>(null);
  const [copied, setCopied] = useState<{ name: string; seconds: number } | null>(null);

  if (secrets.length === 0) {
    return (
      <p className="empty" data-testid="vault-empty">
        No secrets in {environment} yet. Add the client secret, API key or private key this environment needs below.
      </p>
    );
  }
  return (
    <>
      <table className="table secret-table" aria-label={`Secrets in ${environment}`}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Updated</th>
            <th scope="col">May be sent to</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {secrets.map((secret) => (
            <tr key={secret.name} data-testid="secret-row">
              <td>
                <code>{secret.name}</code>
              </td>
              <td>{KIND_LABEL[secret.kind]}</td>
              <td className="masked" data-testid="secret-hint">
                {secret.hint ?? '••••••••'}
              </td>
              <td>{new Date(secret.updatedAt).toLocaleString()}</td>
              <td data-testid="secret-hosts">{secret.hosts === null ? 'not bound yet' : secret.hosts.length === 0 ? 'nowhere' : secret.hosts.join(', ')}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-label={`Copy ${secret.name}`}
                    onClick={() =>
                      void run(async () => {
                        const result = await api.invoke['vault:copy']({ environment, name: secret.name });
                        setCopied({ name: secret.name, seconds: result.clearsAfterSeconds });
                      })
                    }
                  >
                    Copy
                  </button>
                  <button type="button" aria-label={`Hosts of ${secret.name}`} onClick={() => setEditingHosts(secret)}>
                    Hosts
                  </button>
                  <button type="button" aria-label={`Rotate ${secret.name}`} onClick={() => setRotating(secret)}>
                    Rotate
                  </button>
                  <button type="button" className="danger" aria-label={`Delete ${secret.name}`} onClick={() => setDeleting(secret)}>
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {copied && (
        <p role="status" className="hint">
          {copied.name} is on the clipboard; it will be cleared in {copied.seconds} s unless you copy something else.
        </p>
      )}
      <ErrorNote error={error} />
      {rotating && <RotateDialog secret={rotating} onClose={() => setRotating(null)} />}
      {editingHosts && <HostsDialog secret={editingHosts} onClose={() => setEditingHosts(null)} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          message={`Requests in ${deleting.environment} that use ${deleting.name} will stop signing until you add it again. This cannot be undone.`}
          confirmLabel={`Delete ${deleting.name}`}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void run(() => api.invoke['vault:delete']({ environment: target.environment, name: target.name, confirm: true }));
          }}
        />
      )}
    </>
  );
}
