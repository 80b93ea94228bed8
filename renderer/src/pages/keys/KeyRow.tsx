import { useState } from 'react';
import type { KeyListEntry, TestSignOutput } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatCreated, shortFingerprint } from './format.ts';
import { PendingRotationRow } from './PendingRotationRow.tsx';
import { RotateDialog } from './RotateDialog.tsx';
import { TestSignResultNote } from './TestSignResultNote.tsx';

const COLUMNS = 6;

/** One stored key with its actions; its own rows below hold a waiting rotation, a test result or an error. */
export function KeyRow(props: { entry: KeyListEntry; vaultUnlocked: boolean; selected: boolean; onSelect: () => void; onChanged: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const { entry } = props;
  const [testResult, setTestResult] = useState<TestSignOutput | null>(null);
  const [testing, setTesting] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const ref = { environment: entry.environment, name: entry.name };

  return (
    <tbody data-testid="key-row" aria-label={entry.name}>
      <tr className={props.selected ? 'selected' : undefined}>
        <td>
          <code>{entry.name}</code>
          <div className="hint">{entry.origin === 'generated' ? 'generated' : 'imported'}</div>
        </td>
        <td>
          <code className="fingerprint" title={entry.fingerprint.sha256Hex} aria-label={`SHA-256 ${entry.fingerprint.sha256Hex}`}>
            {shortFingerprint(entry.fingerprint.sha256Hex)}
          </code>
        </td>
        <td>{entry.bits}</td>
        <td>{formatCreated(entry.created)}</td>
        <td>{entry.usedBy.length === 0 ? <span className="hint">not used yet</span> : entry.usedBy.join(', ')}</td>
        <td>
          <div className="row-actions">
          <button type="button" aria-pressed={props.selected} onClick={props.onSelect}>
            Show <span className="visually-hidden">{entry.name} </span>and export
          </button>
          <button
            type="button"
            disabled={!props.vaultUnlocked || testing}
            onClick={() => {
              setTestResult(null);
              setTesting(true);
              void run(async () => {
                try {
                  setTestResult(await api.invoke['keys:test-sign'](ref));
                } finally {
                  setTesting(false);
                }
              });
            }}
          >
            {testing ? (
              'Testing…'
            ) : (
              <>
                Test <span className="visually-hidden">{entry.name} </span>with the sandbox
              </>
            )}
          </button>
          <button
            type="button"
            aria-label={`Rotate ${entry.name}`}
            disabled={!props.vaultUnlocked || entry.pendingRotation !== null}
            title={entry.pendingRotation ? 'A new key is already waiting: use it or discard it first.' : undefined}
            onClick={() => setRotating(true)}
          >
            Rotate
          </button>
          <button type="button" className="danger" aria-label={`Delete ${entry.name}`} disabled={busy} onClick={() => setDeleting(true)}>
            Delete
          </button>
          {/* Dialogs sit in a cell: a <dialog> may not be a direct child of <tbody>. */}
          {rotating && (
            <RotateDialog
              entry={entry}
              onClose={() => setRotating(false)}
              onDone={() => {
                setRotating(false);
                props.onChanged();
              }}
            />
          )}
          {deleting && (
            <ConfirmDialog
              title={`Delete ${entry.name}?`}
              message={
                entry.usedBy.length > 0
                  ? `${entry.name} is used by ${entry.usedBy.join(', ')}. Point those auth settings at another key first; Countersign will refuse otherwise.`
                  : `The private key is removed from the vault${entry.pendingRotation ? ', together with the new key waiting beside it' : ''}. This cannot be undone unless you exported it.`
              }
              confirmLabel={`Delete ${entry.name}`}
              danger
              onCancel={() => setDeleting(false)}
              onConfirm={() => {
                setDeleting(false);
                void run(async () => {
                  await api.invoke['keys:delete']({ ...ref, confirm: true });
                  props.onChanged();
                });
              }}
            />
          )}
          </div>
        </td>
      </tr>
      {entry.pendingRotation && (
        <PendingRotationRow
          entry={entry}
          pending={entry.pendingRotation}
          vaultUnlocked={props.vaultUnlocked}
          columns={COLUMNS}
          run={run}
          onChanged={props.onChanged}
        />
      )}
      {testResult && (
        <tr>
          <td colSpan={COLUMNS}>
            <TestSignResultNote name={entry.name} result={testResult} />
          </td>
        </tr>
      )}
      {error && (
        <tr>
          <td colSpan={COLUMNS}>
            <p role="alert" className="error">
              {error}
            </p>
          </td>
        </tr>
      )}
    </tbody>
  );
}
