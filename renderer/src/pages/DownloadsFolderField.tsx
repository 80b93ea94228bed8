import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/context.tsx';
import { errorMessage } from '../api/errors.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useAction } from '../components/use-action.ts';
import { channelKey } from '../state/channel-key.ts';
import { useChannel } from '../state/use-channel.ts';

/** Where "Save as…", flow downloads and key exports go: a full path, created if missing, or the OS downloads folder. */
export function DownloadsFolderField() {
  const api = useApi();
  const queries = useQueryClient();
  const { busy, error, run } = useAction();
  // Another window, or the CLI's backend in browser mode, may change it.
  const downloads = useChannel('settings:downloads', {}, { invalidateOn: ['settings:downloads-changed'] });
  const folder = downloads.data ?? null;
  const [draft, setDraft] = useState('');
  // The field shows the folder in use whenever that changes (adjusted while rendering, as React advises).
  const [shown, setShown] = useState<string | null>(null);
  if (folder && folder.dir !== shown) {
    setShown(folder.dir);
    setDraft(folder.dir);
  }

  const apply = (dir: string | null) =>
    void run(async () => {
      const next = await api.invoke['settings:set-downloads']({ dir });
      queries.setQueryData(channelKey('settings:downloads', {}), next);
      // Main's form of what was typed (a trailing slash dropped, say) replaces it.
      setShown(next.dir);
      setDraft(next.dir);
    });

  return (
    <fieldset className="field" data-testid="downloads-folder">
      <legend>Downloads folder</legend>
      <p className="hint">
        Where “Save as…” puts a named file, where flows save reports and where key exports go. {folder?.isDefault ? 'Now: the system downloads folder.' : ''}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply(draft.trim());
        }}
      >
        <input aria-label="Downloads folder" value={draft} disabled={!folder || busy} spellCheck={false} size={60} onChange={(event) => setDraft(event.target.value)} />{' '}
        <button type="submit" disabled={!folder || busy || draft.trim() === '' || draft.trim() === folder.dir}>
          Use this folder
        </button>{' '}
        <button type="button" disabled={!folder || busy || folder.isDefault} onClick={() => apply(null)}>
          Use the system downloads folder
        </button>
      </form>
      {folder && !folder.isDefault && (
        <p className="hint">
          The system downloads folder is <code>{folder.defaultDir}</code>.
        </p>
      )}
      <ErrorNote error={error ?? (downloads.error ? errorMessage(downloads.error) : null)} />
    </fieldset>
  );
}
