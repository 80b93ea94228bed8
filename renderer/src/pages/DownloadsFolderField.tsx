import { useEffect, useState } from 'react';
import type { DownloadsFolder } from '../../../main/contract/settings.ts';
import { useApi } from '../api/context.tsx';
import { errorMessage } from '../api/errors.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useAction } from '../components/use-action.ts';

/** Where "Save as…", flow downloads and key exports go: a full path, created if missing, or the OS downloads folder. */
export function DownloadsFolderField() {
  const api = useApi();
  const { busy, error, setError, run } = useAction();
  const [folder, setFolder] = useState<DownloadsFolder | null>(null);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    let live = true;
    const show = (value: DownloadsFolder) => {
      if (!live) return;
      setFolder(value);
      setDraft(value.dir);
    };
    api.invoke['settings:downloads']({}).then(show, (reason: unknown) => live && setError(errorMessage(reason)));
    // Another window, or the CLI's backend in browser mode, may change it.
    const off = api.on('settings:downloads-changed', show);
    return () => {
      live = false;
      off();
    };
  }, [api, setError]);

  const apply = (dir: string | null) =>
    void run(async () => {
      const next = await api.invoke['settings:set-downloads']({ dir });
      setFolder(next);
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
      <ErrorNote error={error} />
    </fieldset>
  );
}
