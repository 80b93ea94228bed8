import type { CredentialFinding } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

type ExportFile = { fileName: string; text: string };

/**
 * Shown when an export holds values that look like typed-in credentials:
 * lists them by request and field (main never sends the values) and offers
 * to move them into the vault before the file is written.
 */
export function ExportCredentialsDialog(props: {
  collectionId: string;
  findings: readonly CredentialFinding[];
  onDownload: (file: ExportFile) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const moveAndExport = () =>
    void run(async () => {
      await api.invoke['workspace:move-credentials-to-vault']({ collectionId: props.collectionId });
      props.onDownload(await api.invoke['workspace:export-collection']({ collectionId: props.collectionId }));
      props.onClose();
    });
  return (
    <Dialog title="Credentials typed into requests" onClose={props.onClose}>
      <div className="dialog-body">
        <p>These values look like credentials. Exported as they are, anyone with the file can use them.</p>
        <ul data-testid="export-findings">
          {props.findings.map((f) => (
            <li key={f.id}>
              <strong>{f.request}</strong>: {f.place} <code>{f.field}</code> ({f.reason}) → <code>{`{{secret:${f.suggestedSecret}}}`}</code>
            </li>
          ))}
        </ul>
        <p className="hint">Moving stores each value in the vault of every environment of this collection and leaves a {'{{secret:…}}'} reference in the request.</p>
        <ErrorNote error={error} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              props.onDownload(await api.invoke['workspace:export-collection']({ collectionId: props.collectionId }));
              props.onClose();
            })
          }
        >
          Export as typed
        </button>
        <button type="button" className="primary" disabled={busy} onClick={moveAndExport}>
          Move to vault and export
        </button>
      </div>
    </Dialog>
  );
}
