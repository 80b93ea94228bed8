import { useState } from 'react';
import type { RequestNode } from '../../../../main/contract/workspace.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

/** The fields that differ between the two versions, each as indented JSON. */
function differences(mine: RequestNode, theirs: RequestNode): { field: string; mine: string; theirs: string }[] {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((key) => key !== 'id' && key !== 'parentId' && key !== 'kind');
  const show = (value: unknown) => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return keys
    .map((field) => ({ field, mine: show((mine as Record<string, unknown>)[field]), theirs: show((theirs as Record<string, unknown>)[field]) }))
    .filter((row) => row.mine !== row.theirs);
}

/**
 * A request changed on disk (git pull, an editor) while its tab had unsaved
 * edits: both versions side by side, field by field, and the user picks one.
 */
export function DiskConflict({ mine, theirs, deleted, onResolve }: { mine: RequestNode; theirs: RequestNode; deleted: boolean; onResolve: (choice: 'mine' | 'theirs') => Promise<void> }) {
  const { busy, error, run } = useAction();
  const [open, setOpen] = useState(true);
  const rows = differences(mine, theirs);
  return (
    <section className="wb-conflict" role="alert" aria-label="Changed on disk" data-testid="disk-conflict">
      {deleted ? (
        <p>
          <strong>“{theirs.name}” was deleted on disk</strong> while you had unsaved edits. Keep yours (saved again as a new request in the same place) or let it go.
        </p>
      ) : (
        <p>
          <strong>“{theirs.name}” changed on disk</strong> while you had unsaved edits. Keep yours (it overwrites the file) or take the version on disk (your edits are dropped).
        </p>
      )}
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)} hidden={deleted}>
        {open ? 'Hide' : 'Show'} both versions ({rows.length} {rows.length === 1 ? 'field differs' : 'fields differ'})
      </button>
      {open && !deleted && (
        <table className="wb-conflict-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours (unsaved)</th>
              <th scope="col">On disk</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">{row.field}</th>
                <td>
                  <pre data-testid="conflict-mine">{row.mine}</pre>
                </td>
                <td>
                  <pre data-testid="conflict-theirs">{row.theirs}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void run(() => onResolve('mine'))}>
          Keep mine
        </button>
        <button type="button" disabled={busy} onClick={() => void run(() => onResolve('theirs'))}>
          {deleted ? 'Let it go' : 'Take theirs'}
        </button>
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
