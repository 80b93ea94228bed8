import { useState } from 'react';
import type { SecretMetadata } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

export function RotateDialog({ secret, onClose }: { secret: SecretMetadata; onClose: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [value, setValue] = useState('');
  const multiline = secret.kind === 'rsa_private_key' || secret.kind === 'certificate';
  return (
    <Dialog title={`New value for ${secret.name}`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await api.invoke['vault:rotate']({ environment: secret.environment, name: secret.name, value });
            onClose();
          });
        }}
      >
        <label htmlFor="rotate-value">New value</label>
        {multiline ? (
          <textarea id="rotate-value" rows={6} spellCheck={false} value={value} onChange={(event) => setValue(event.target.value)} />
        ) : (
          <input id="rotate-value" type="password" autoComplete="off" autoFocus value={value} onChange={(event) => setValue(event.target.value)} />
        )}
        <p className="hint">The old value is replaced for every request that uses {secret.name} in {secret.environment}.</p>
        <ErrorNote error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
            Replace value
          </button>
        </div>
      </form>
    </Dialog>
  );
}
