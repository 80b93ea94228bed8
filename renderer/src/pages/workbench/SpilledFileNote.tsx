import { useEffect, useState } from 'react';
import type { AppMode } from '../../../../main/contract/app.ts';
import type { SavedFile } from '../../../../main/contract/http.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError } from '../../api/errors.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatBytes } from '../../format/bytes.ts';
import { useAction } from '../../components/use-action.ts';
import { SavedFileNote } from './SavedFileNote.tsx';

/**
 * A body too large to preview, kept by main in a temporary file. Nothing is
 * in the downloads folder until the user picks "Save as…": the desktop app
 * asks with its own Save dialog, browser mode asks for a name here. Main
 * moves the file; this view only ever holds paths.
 */
export function SpilledFileNote({ spilled }: { spilled: SavedFile }) {
  const api = useApi();
  const { busy, error, setError, run } = useAction();
  const [mode, setMode] = useState<AppMode | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(baseName(spilled.path));
  const [taken, setTaken] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.invoke['app:info']({}).then(
      (info) => live && setMode(info.mode),
      () => live && setMode('browser'),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (savedTo !== null) return <SavedFileNote saved={{ ...spilled, path: savedTo }} />;

  const save = async (input: { name?: string; overwrite?: true }) => {
    try {
      const result = await api.invoke['files:save-as']({ path: spilled.path, ...input });
      if (result.path !== null) setSavedTo(result.path);
    } catch (reason) {
      // A file of that name is there: the user decides whether it goes.
      if (reason instanceof ApiError && reason.code === 'conflict') {
        setTaken(true);
        return;
      }
      throw reason;
    }
  };
  const saveAs = () => {
    setError(null);
    if (mode === 'electron') void run(() => save({}));
    else setNaming(true);
  };

  return (
    <div className="wb-saved" data-testid="spilled-file">
      <p>
        The whole body ({formatBytes(spilled.bytes)}, SHA-256 <code>{spilled.sha256}</code>) is in a temporary file, removed when you send again or close
        Countersign.
      </p>
      {!naming && (
        <button type="button" disabled={busy || mode === null} onClick={saveAs}>
          Save as…
        </button>
      )}
      {naming && (
        <form
          className="wb-save-name"
          onSubmit={(event) => {
            event.preventDefault();
            setTaken(false);
            void run(() => save({ name: name.trim() }));
          }}
        >
          <label>
            File name (saved in the downloads folder){' '}
            <input aria-label="File name" value={name} spellCheck={false} onChange={(event) => {
              setName(event.target.value);
              setTaken(false);
            }} />
          </label>{' '}
          <button type="submit" disabled={busy || name.trim() === ''}>
            Save
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setNaming(false)}>
            Cancel
          </button>
          {taken && (
            <p role="alert" className="error">
              A file named <code>{name.trim()}</code> is already in the downloads folder.{' '}
              <button type="button" disabled={busy} onClick={() => void run(() => save({ name: name.trim(), overwrite: true }))}>
                Replace it
              </button>
            </p>
          )}
        </form>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? 'response';
}
