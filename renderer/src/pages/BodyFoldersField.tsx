import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useChannel, useChannelMutation } from '../state/use-channel.ts';
import { BodyFolderList } from './workbench/body/BodyFolderList.tsx';

/**
 * Settings: the folders multipart file parts and binary bodies may read, in
 * one place (they are also added from the body editor). Main checks each
 * folder typed here as it checks one allowed there: absolute, existing, not
 * the whole disk or home, never a secret store.
 */
export function BodyFoldersField() {
  const [draft, setDraft] = useState('');
  const listed = useChannel('files:body-file-folders', {});
  const allow = useChannelMutation('files:allow-body-folder', {
    invalidates: ['files:body-file-folders', 'files:body-file-facts'],
    onSuccess: () => setDraft(''),
  });
  const never = listed.data?.never ?? [];
  return (
    <fieldset className="field" data-testid="body-folders">
      <legend>Files request bodies may read</legend>
      <p className="hint">A multipart file part or a binary body is sent only from these folders (and the workspace folder while it is open); any other file is refused before anything is sent.</p>
      <BodyFolderList />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim() !== '') allow.mutate({ path: draft.trim() });
        }}
      >
        <input
          aria-label="Folder to allow"
          placeholder="/home/you/payments/uploads"
          value={draft}
          disabled={allow.isPending}
          spellCheck={false}
          size={60}
          onChange={(event) => {
            setDraft(event.target.value);
            if (allow.error) allow.reset();
          }}
        />{' '}
        <button type="submit" disabled={allow.isPending || draft.trim() === ''}>
          Allow folder
        </button>
      </form>
      {allow.error && (
        <p role="alert" className="error">
          {errorMessage(allow.error)}
        </p>
      )}
      {never.length > 0 && (
        <details>
          <summary>Never read, whatever is allowed ({never.length})</summary>
          <ul aria-label="Never read">
            {never.map((place) => (
              <li key={place.path}>
                <code>{place.path}</code> <span className="hint">({place.what})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </fieldset>
  );
}
