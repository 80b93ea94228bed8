import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkspaceLocation } from '../../../main/contract/workspace-folder.ts';
import { useApi } from '../api/context.tsx';
import { ApiError, errorMessage } from '../api/errors.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useAction } from '../components/use-action.ts';
import { channelKey } from '../state/channel-key.ts';
import { useChannel } from '../state/use-channel.ts';

/**
 * Where the workspace lives: the data directory's workspace.json (the
 * default) or a workspace folder, e.g. inside the team's git repository
 * (docs/collection-format.md). Recent folders reopen in one click.
 */
export function WorkspaceFolderField() {
  const api = useApi();
  const { busy, error, run } = useAction();
  const queries = useQueryClient();
  // A reload may find new malformed files, or fixed ones.
  const where = useChannel('workspace:location', {}, { invalidateOn: ['workspace:location-changed', 'workspace:reloaded'] });
  const location = where.data ?? null;
  const setLocation = (value: WorkspaceLocation) => queries.setQueryData(channelKey('workspace:location', {}), value);
  const [draft, setDraft] = useState('');
  // A folder with no workspace yet: how to start it.
  const [starting, setStarting] = useState<string | null>(null);

  const openFolder = (path: string, create?: 'empty' | 'current') =>
    void run(async () => {
      try {
        setLocation(await api.invoke['workspace:open-folder']({ path, ...(create ? { create } : {}) }));
        setStarting(null);
        setDraft('');
      } catch (reason) {
        if (reason instanceof ApiError && reason.code === 'not_found' && !create) {
          setStarting(path);
          return;
        }
        throw reason;
      }
    });

  const folder = location?.kind === 'folder';
  return (
    <fieldset className="field" data-testid="workspace-location">
      <legend>Workspace</legend>
      {location && (
        <p>
          {folder ? 'Folder: ' : 'The default workspace file: '}
          <code data-testid="workspace-path">{location.path}</code>
          {folder && location.watching ? ' (changes on disk, such as a git pull, are picked up)' : ''}
        </p>
      )}
      {location?.readOnlyReason && <p className="warn">Read-only: {location.readOnlyReason}</p>}
      {location && location.problems.length > 0 && (
        <div role="alert" data-testid="workspace-problems">
          <p className="warn">These files could not be read; they are skipped and left as they are until fixed:</p>
          <ul className="workspace-problems">
            {location.problems.map((problem) => (
              <li key={`${problem.path}:${String(problem.line)}`}>
                {problem.path}:{problem.line}: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">
        Open a folder (for example inside your team’s git repository) to keep the workspace there as one YAML file per collection, folder, request, environment and flow. Secrets stay in
        the vault; files name them only.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim() !== '') openFolder(draft.trim());
        }}
      >
        <input aria-label="Workspace folder" placeholder="/home/you/team-repo/countersign" value={draft} disabled={busy} spellCheck={false} size={60} onChange={(event) => setDraft(event.target.value)} />{' '}
        <button type="submit" disabled={busy || draft.trim() === ''}>
          Open folder
        </button>{' '}
        <button type="button" disabled={busy || !folder} onClick={() => void run(async () => setLocation(await api.invoke['workspace:use-default']({})))}>
          Use the default workspace
        </button>
      </form>
      {starting && (
        <div role="group" aria-label="Start a workspace folder" data-testid="workspace-start">
          <p>
            <code>{starting}</code> holds no workspace yet.
          </p>
          <button type="button" disabled={busy} onClick={() => openFolder(starting, 'current')}>
            Copy the workspace in use into it
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => openFolder(starting, 'empty')}>
            Start an empty workspace there
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setStarting(null)}>
            Cancel
          </button>
        </div>
      )}
      {location && location.recent.length > 0 && (
        <div data-testid="workspace-recent">
          <p>Recent folders</p>
          <ul>
            {location.recent.map((path) => (
              <li key={path}>
                <code>{path}</code>{' '}
                <button type="button" disabled={busy || (folder && location.path === path)} onClick={() => openFolder(path)} aria-label={`Open ${path}`}>
                  Open
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => void run(async () => setLocation(await api.invoke['workspace:forget-recent']({ path })))} aria-label={`Forget ${path}`}>
                  Forget
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNote error={error ?? (where.error ? errorMessage(where.error) : null)} />
    </fieldset>
  );
}
