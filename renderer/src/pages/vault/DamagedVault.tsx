import { useEffect, useState } from 'react';
import type { LocalBackup, VaultStatus } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

/** The vault file cannot be used: say exactly why, keep it, and offer the last good copies. */
export function DamagedVault({ status }: { status: VaultStatus }) {
  const api = useApi();
  const { error, run } = useAction();
  const [backups, setBackups] = useState<LocalBackup[] | null>(null);
  const [restoring, setRestoring] = useState<LocalBackup | null>(null);

  useEffect(() => {
    void run(async () => setBackups((await api.invoke['vault:local-backups']({})).backups));
  }, [api, run]);

  return (
    <section className="card" aria-labelledby="vault-damaged-title">
      <h3 id="vault-damaged-title">The vault file cannot be opened</h3>
      <p role="alert" className="error">
        {status.problem?.message ?? 'The vault file is damaged.'}
      </p>
      <p>
        The file has been left exactly as it is (<code>{status.problem?.file}</code>). Countersign will not write over it.
      </p>
      <h4>Last good copies</h4>
      {backups === null ? (
        <p>Looking for copies…</p>
      ) : backups.length === 0 ? (
        <p>There are no earlier copies. If you exported an encrypted backup, import it from a new vault.</p>
      ) : (
        <ul className="plain-list">
          {backups.map((backup) => (
            <li key={backup.id}>
              {new Date(backup.savedAt).toLocaleString()} — {backup.secretCount === null ? 'unreadable' : `${backup.secretCount} secrets`}{' '}
              <button type="button" disabled={backup.secretCount === null} onClick={() => setRestoring(backup)}>
                Restore this copy
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} />
      {restoring && (
        <ConfirmDialog
          title="Restore this copy?"
          message={`The damaged file is kept aside; the copy from ${new Date(restoring.savedAt).toLocaleString()} becomes the vault.`}
          confirmLabel="Restore"
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            const id = restoring.id;
            setRestoring(null);
            void run(() => api.invoke['vault:restore-local-backup']({ id }));
          }}
        />
      )}
    </section>
  );
}
