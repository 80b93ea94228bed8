import { useState } from 'react';
import type { Environment } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { NetworkSettingsEditor } from './NetworkSettingsEditor.tsx';
import { PairsEditor } from './PairsEditor.tsx';
import { useSecretNames } from './use-secret-names.ts';

/** An environment's non-secret variables, protection and network settings; secrets are managed on the Vault page, by name. */
export function EnvironmentDialog({ collectionId, environment, onClose }: { collectionId: string; environment: Environment; onClose: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [variables, setVariables] = useState(environment.variables);
  const [isProtected, setProtected] = useState(environment.protected);
  const [network, setNetwork] = useState(environment.network ?? {});
  const { names } = useSecretNames(environment.name);
  const save = () =>
    void run(async () => {
      await api.invoke['workspace:update-environment']({
        collectionId,
        environmentId: environment.id,
        variables: variables.filter((variable) => variable.name.trim() !== ''),
        protected: isProtected,
        network,
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
        <NetworkSettingsEditor value={network} names={names} protectedEnvironment={isProtected} onChange={setNetwork} />
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
