import type { SavedFile } from '../../../../main/contract/http.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatBytes } from '../../format/bytes.ts';
import { useAction } from '../../components/use-action.ts';

/** Where main saved a body, its SHA-256, and the two things a user does next: open it, or find it. */
export function SavedFileNote({ saved }: { saved: SavedFile }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  return (
    <div className="wb-saved" data-testid="saved-file">
      <p>
        Saved to <code>{saved.path}</code> ({formatBytes(saved.bytes)}), SHA-256 <code>{saved.sha256}</code>
      </p>
      <button type="button" disabled={busy} onClick={() => void run(() => api.invoke['files:open']({ path: saved.path }))}>
        Open
      </button>{' '}
      <button type="button" disabled={busy} onClick={() => void run(() => api.invoke['files:reveal']({ path: saved.path }))}>
        Show in folder
      </button>
      <ErrorNote error={error} />
    </div>
  );
}
