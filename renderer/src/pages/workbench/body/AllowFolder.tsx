import { useState } from 'react';
import { errorMessage } from '../../../api/errors.ts';
import { useChannelMutation } from '../../../state/use-channel.ts';

/**
 * A body file outside the folders the user allowed is never read. This offers
 * to allow its folder, behind a second, explicit click that names the folder:
 * nothing in a collection can allow a folder by itself.
 */
export function AllowFolder({ label, folder }: { label: string; folder: string }) {
  const [asking, setAsking] = useState(false);
  const allowing = useChannelMutation('files:allow-body-folder', { invalidates: ['files:body-file-facts', 'files:body-file-folders'] });
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Allow this folder…
      </button>
    );
  }
  return (
    <div className="wb-allow-folder" role="group" aria-label={`${label}: allow its folder`}>
      <span>
        Request bodies will be able to read every file in <code>{folder}</code>, in every collection.
      </span>
      <button type="button" disabled={allowing.isPending} onClick={() => allowing.mutate({ path: folder }, { onSuccess: () => setAsking(false) })}>
        Allow {folder}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
      {allowing.error && <span className="warn">{errorMessage(allowing.error)}</span>}
    </div>
  );
}
