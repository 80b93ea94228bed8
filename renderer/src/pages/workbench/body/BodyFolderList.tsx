import { errorMessage } from '../../../api/errors.ts';
import { useChannel, useChannelMutation } from '../../../state/use-channel.ts';

/**
 * The folders (and single files) request bodies may read, each with Forget,
 * and the workspace folder while it is open. Shown under the file editors and
 * on the Settings page, from the same cached answer.
 */
export function BodyFolderList() {
  const listed = useChannel('files:body-file-folders', {});
  const forgetting = useChannelMutation('files:forget-body-folder', { invalidates: ['files:body-file-folders', 'files:body-file-facts'] });
  const folders = listed.data?.folders ?? [];
  const workspaceFolder = listed.data?.workspaceFolder ?? null;
  return (
    <>
      {listed.data !== undefined && folders.length === 0 && workspaceFolder === null && <p className="hint">None yet: a file outside them is never sent.</p>}
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
      {listed.error && <span className="warn">{errorMessage(listed.error)}</span>}
      {forgetting.error && <span className="warn">{errorMessage(forgetting.error)}</span>}
    </>
  );
}

/** How many places the list holds (the workspace folder counts while open); null until main answers. */
export function useBodyFolderCount(): number | null {
  const listed = useChannel('files:body-file-folders', {});
  if (listed.data === undefined) return null;
  return listed.data.folders.length + (listed.data.workspaceFolder === null ? 0 : 1);
}
