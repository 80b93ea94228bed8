import { useId, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useChannel, useChannelMutation } from '../../state/use-channel.ts';
import { downloadFile } from './download-file.ts';

/**
 * Export as Postman v2.1: the collection file, and optionally one environment
 * as a Postman environment file. Main writes secrets as empty `{{name}}`
 * variables; the dialog then lists what Postman cannot carry (custom
 * signatures, flows, assertions), which the files also say in their descriptions.
 */
export function PostmanExportDialog(props: { collectionId: string; collectionName: string; onClose: () => void }) {
  const environments = useChannel('workspace:environments', { collectionId: props.collectionId }, { invalidateOn: ['workspace:changed'] });
  const [environment, setEnvironment] = useState('');
  const selectId = useId();
  const exporting = useChannelMutation('workspace:export-postman', {
    onSuccess: (files) => {
      downloadFile(files);
      if (files.environment) downloadFile(files.environment);
    },
  });
  const done = exporting.data;
  const start = () => exporting.mutate({ collectionId: props.collectionId, ...(environment === '' ? {} : { environment }) });
  return (
    <Dialog title={`Export "${props.collectionName}" as Postman v2.1`} onClose={props.onClose}>
      <div className="dialog-body">
        {done ? (
          <>
            <p role="status">
              Exported {done.fileName}
              {done.environment ? ` and ${done.environment.fileName}` : ''}. Secrets are empty variables: fill them in Postman, or give them to newman with --env-var.
            </p>
            {done.credentialFindings.length > 0 && (
              <p className="hint">
                {done.credentialFindings.length} value(s) typed into requests look like credentials and are in the file as typed; the Countersign export (Export…) can move them to the vault first.
              </p>
            )}
            {done.notes.length > 0 && (
              <>
                <p>Postman cannot carry:</p>
                <ul data-testid="postman-export-notes">
                  {done.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <>
            <p>A Postman Collection v2.1 for Postman, newman or Bruno. Secrets go out as empty {'{{name}}'} variables, never their values.</p>
            <label htmlFor={selectId}>Environment file</label>
            <select id={selectId} value={environment} onChange={(event) => setEnvironment(event.target.value)}>
              <option value="">None (collection only)</option>
              {(environments.data ?? []).map((env) => (
                <option key={env.id} value={env.name}>
                  {env.name}
                </option>
              ))}
            </select>
          </>
        )}
        <ErrorNote error={exporting.error ? errorMessage(exporting.error) : null} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        {!done && (
          <button type="button" className="primary" disabled={exporting.isPending} onClick={start}>
            Export
          </button>
        )}
      </div>
    </Dialog>
  );
}
