import { useState } from 'react';
import type { Environment } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { PairsEditor } from './PairsEditor.tsx';

/** An environment's non-secret variables and its protection; secrets are managed on the Vault page, by name. */
export function EnvironmentDialog({ collectionId, environment, onClose }: { collectionId: string; environment: Environment; onClose: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [variables, setVariables] = useState(environment.variables);
  const [isProtected, setProtected] = useState(environment.protected);
  const save = () =>
    void run(async () => {
      await api.invoke['workspace:update-environment']({
        collectionId,
        environmentId: environment.id,
        variables: variables.filter((variable) => variable.name.trim() !== ''),
        protected: isProtected,
      });
      onClose();
    });
  return (
    <Dialog title={`Environment ${environment.name}`} onClose={onClose}>
      <div className="dialog-body">
        <PairsEditor label="Variable" pairs={variables} onChange={setVariables} />
        <label className="radio">
          <input type="checkbox" checked={isProtected} onChange={(event) => setProtected(event.target.checked)} />
          Protected: ask before every send
        </label>
        <p className="hint">
          Secrets this environment expects: {environment.secrets.length > 0 ? environment.secrets.join(', ') : 'none'}. Their values live in the vault ({environment.name}).
        </p>
        <ErrorNote error={error} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={save}>
          Save environment
        </button>
      </div>
    </Dialog>
  );
}
