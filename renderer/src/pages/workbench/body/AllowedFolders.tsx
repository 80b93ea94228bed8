import { errorMessage } from '../../../api/errors.ts';
import { useChannel, useChannelMutation } from '../../../state/use-channel.ts';

/**
 * The folders (and single files) request bodies may read, under the file
 * editors, each with Forget: what "Allow this folder…" and the Open dialog
 * added can be taken back where it was given.
 */
export function AllowedFolders() {
  const listed = useChannel('files:body-file-folders', {});
  const forgetting = useChannelMutation('files:forget-body-folder', { invalidates: ['files:body-file-folders', 'files:body-file-facts'] });
  const folders = listed.data?.folders ?? [];
  const workspaceFolder = listed.data?.workspaceFolder ?? null;
  return (
    <details className="wb-allowed-folders">
      <summary>Folders request bodies may read ({folders.length + (workspaceFolder === null ? 0 : 1)})</summary>
      {folders.length === 0 && workspaceFolder === null && <p className="hint">None yet: a file outside them is never sent.</p>}
      <ul aria-label="Folders request bodies may read">
        {workspaceFolder !== null && (
          <li>
            <code>{workspaceFolder}</code> <span className="hint">(the workspace folder, while it is open)</span>
          </li>
        )}
        {folders.map((folder) => (
          <li key={folder}>
            <code>{folder}</code>{' '}
            <button type="button" aria-label={`Forget ${folder}`} disabled={forgetting.isPending} onClick={() => forgetting.mutate({ path: folder })}>
              Forget
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">Never read, whatever is allowed: Countersign&apos;s data folder and secret stores such as ~/.ssh, ~/.gnupg and ~/.aws.</p>
      {listed.error && <span className="warn">{errorMessage(listed.error)}</span>}
      {forgetting.error && <span className="warn">{errorMessage(forgetting.error)}</span>}
    </details>
  );
}
