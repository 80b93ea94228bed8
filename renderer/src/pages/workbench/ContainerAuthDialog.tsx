import { useEffect, useState } from 'react';
import type { AuthSetting, TreeEntry } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { AuthEditor } from './AuthEditor.tsx';
import { useSecretNames } from './use-secret-names.ts';

/** The auth a collection or folder gives the requests inside it that inherit. */
export function ContainerAuthDialog({ entry, onClose }: { entry: TreeEntry; onClose: () => void }) {
  const api = useApi();
  const { busy, error, setError, run } = useAction();
  const [auth, setAuth] = useState<AuthSetting | null>(null);
  const secrets = useSecretNames(undefined);
  useEffect(() => {
    api.invoke['workspace:get']({ id: entry.id }).then(
      (node) => setAuth(node.auth),
      (reason: unknown) => setError(errorMessage(reason)),
    );
  }, [api, entry.id, setError]);
  return (
    <Dialog title={`Auth for ${entry.name}`} onClose={onClose}>
      <div className="dialog-body wb-container-auth">
        <p className="hint">
          Requests inside {entry.name} that inherit use this.{entry.kind === 'collection' ? ' “Inherit” on a collection means no auth.' : ''}
        </p>
        {auth && <AuthEditor requestId={entry.id} auth={auth} secretNames={secrets.names} onChange={setAuth} />}
        <ErrorNote error={error} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !auth}
          onClick={() =>
            void run(async () => {
              if (!auth) return;
              await api.invoke['workspace:set-auth']({ id: entry.id, auth });
              onClose();
            })
          }
        >
          Save auth
        </button>
      </div>
    </Dialog>
  );
}
