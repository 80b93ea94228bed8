import { useState } from 'react';
import type { ImportConflictMode, TreeEntry } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError } from '../../api/errors.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

type Source = 'postman' | 'curl' | 'countersign';

/** Import a Postman v2.1 or Countersign collection (pasted or from a file), or one curl command into a collection. */
export function ImportDialog({ collections, onClose, onImported }: { collections: TreeEntry[]; onClose: () => void; onImported: (requestId: string | null) => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [source, setSource] = useState<Source>('postman');
  const [text, setText] = useState('');
  const [parentId, setParentId] = useState(collections[0]?.id ?? '');
  const [report, setReport] = useState<string | null>(null);
  const [dropped, setDropped] = useState<{ request: string; kinds: string[] }[]>([]);
  // The workspace has a collection of that name: the import waits for replace, merge or keep both.
  const [nameTaken, setNameTaken] = useState<string | null>(null);

  const submit = (onConflict?: ImportConflictMode) =>
    void run(async () => {
      setNameTaken(null);
      if (source === 'curl') {
        const result = await api.invoke['workspace:import-curl']({ command: text, parentId, secretsEnvironment: 'Sandbox' });
        setReport(describe(1, result.secretsStored.map((secret) => secret.name), result.warnings));
        setDropped([]);
        onImported(result.request.id);
        return;
      }
      const channel = source === 'postman' ? 'workspace:import-postman' : 'workspace:import-collection';
      let summary;
      try {
        summary = await api.invoke[channel]({ text, secretsEnvironment: 'Sandbox', ...(onConflict ? { onConflict } : {}) });
      } catch (reason) {
        if (reason instanceof ApiError && reason.code === 'conflict' && !onConflict) {
          setNameTaken(reason.message);
          return;
        }
        throw reason;
      }
      setReport(describe(summary.requests, summary.secretsStored.map((secret) => secret.name), summary.warnings));
      setDropped(summary.droppedScripts ?? []);
      onImported(null);
    });

  return (
    <Dialog title="Import" onClose={onClose}>
      <div className="dialog-body wb-import">
        <div role="radiogroup" aria-label="Import from" className="wb-segments">
          {(
            [
              ['postman', 'Postman v2.1'],
              ['countersign', 'Countersign export'],
              ['curl', 'curl command'],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" role="radio" aria-checked={source === value} onClick={() => setSource(value)}>
              {label}
            </button>
          ))}
        </div>
        {source !== 'curl' && (
          <label className="form">
            Choose a file
            <input
              type="file"
              accept=".json,application/json"
              aria-label="Collection file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void run(async () => setText(await file.text()));
              }}
            />
          </label>
        )}
        {source === 'curl' && (
          <label className="form">
            Into collection
            <select value={parentId} onChange={(event) => setParentId(event.target.value)}>
              {collections.map((collection) => (
                <option key={collection.id} value={collection.id}>
                  {collection.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="form">
          {source === 'curl' ? 'Paste a curl command' : 'or paste its JSON'}
          <textarea aria-label="Import text" rows={8} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <p className="hint">Credentials found in what you import go to the vault (Sandbox) and are referenced by name.</p>
        <ErrorNote error={error} />
        {nameTaken && (
          <div role="alert" data-testid="import-name-taken">
            <p>{nameTaken}</p>
            <button type="button" disabled={busy} onClick={() => submit('replace')}>
              Replace it
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => submit('merge')}>
              Merge into it
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => submit('keep-both')}>
              Keep both
            </button>
          </div>
        )}
        {report && (
          <p role="status" data-testid="import-report">
            {report}
          </p>
        )}
        {dropped.length > 0 && (
          <div data-testid="import-dropped-scripts">
            <p>Scripts left out (Countersign runs no scripts; signing and captures are auth schemes and flow steps):</p>
            <ul>
              {dropped.map((entry) => (
                <li key={entry.request}>
                  {entry.request}: {entry.kinds.map((kind) => (kind === 'prerequest' ? 'pre-request' : 'test')).join(', ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" disabled={busy || !text.trim() || (source === 'curl' && !parentId)} onClick={() => submit()}>
          Import
        </button>
      </div>
    </Dialog>
  );
}

function describe(requests: number, secrets: string[], warnings: string[]): string {
  const parts = [`Imported ${requests} request${requests === 1 ? '' : 's'}.`];
  if (secrets.length > 0) parts.push(`Stored in the vault: ${secrets.join(', ')}.`);
  if (warnings.length > 0) parts.push(`Warnings: ${warnings.join(' ')}`);
  return parts.join(' ');
}
