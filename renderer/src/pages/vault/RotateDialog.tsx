import { useState } from 'react';
import type { SecretMetadata } from '../../../../main/contract/vault.ts';
import { errorMessage } from '../../api/errors.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useChannelMutation } from '../../state/index.ts';

/**
 * Replaces a secret's value. Write-only like adding: the typed value is
 * dropped once main has it. When main says the new value is weak (shorter
 * than 6 characters) the dialog stays open to show why, as adding does.
 */
export function RotateDialog({ secret, onClose }: { secret: SecretMetadata; onClose: () => void }) {
  const [value, setValue] = useState('');
  const rotate = useChannelMutation('vault:rotate', {
    onSuccess: (stored) => {
      setValue('');
      if (stored.notice === undefined) onClose();
    },
  });
  const notice = rotate.data?.notice;
  const multiline = secret.kind === 'rsa_private_key' || secret.kind === 'certificate';
  return (
    <Dialog title={`New value for ${secret.name}`} onClose={onClose}>
      {notice !== undefined ? (
        <div className="form">
          <p className="warn" role="status" data-testid="secret-notice">
            The new value of {secret.name} is saved. {notice}
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            rotate.mutate({ environment: secret.environment, name: secret.name, value });
          }}
        >
          <label htmlFor="rotate-value">New value</label>
          {multiline ? (
            <textarea id="rotate-value" rows={6} spellCheck={false} value={value} onChange={(event) => setValue(event.target.value)} />
          ) : (
            <input id="rotate-value" type="password" autoComplete="off" autoFocus value={value} onChange={(event) => setValue(event.target.value)} />
          )}
          <p className="hint">The old value is replaced for every request that uses {secret.name} in {secret.environment}.</p>
          <ErrorNote error={rotate.error ? errorMessage(rotate.error) : null} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={rotate.isPending || value.trim() === ''}>
              {rotate.isPending ? 'Replacing…' : 'Replace value'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
