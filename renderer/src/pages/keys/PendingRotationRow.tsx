import { useState } from 'react';
import type { KeyListEntry, KeySummary } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { formatCreated } from './format.ts';
import { saveText } from './save-text.ts';

/** The successor of a key under rotation: its public facts, hand-over, then confirm or discard. */
export function PendingRotationRow(props: {
  entry: KeyListEntry;
  pending: KeySummary;
  vaultUnlocked: boolean;
  columns: number;
  run: (action: () => Promise<unknown>) => Promise<unknown>;
  onChanged: () => void;
}) {
  const api = useApi();
  const { entry, pending } = props;
  const [confirming, setConfirming] = useState(false);
  const ref = { environment: entry.environment, name: entry.name };

  return (
    <tr className="pending-rotation" data-testid="pending-rotation">
      <td colSpan={props.columns}>
        <p>
          <strong>New key waiting</strong> ({pending.bits} bits, created {formatCreated(pending.created)}), fingerprint{' '}
          <code className="fingerprint">{pending.fingerprint.sha256Hex}</code>. Requests still sign with the current key.
        </p>
        <div className="row-actions start">
          <button type="button" onClick={() => saveText(`${entry.name}-next-public.pem`, pending.publicKeyPem)}>
            Save new public key
          </button>
          <button
            type="button"
            className="primary"
            disabled={!props.vaultUnlocked}
            aria-label={`Use the new key for ${entry.name}`}
            onClick={() => setConfirming(true)}
          >
            Use the new key
          </button>
          <button
            type="button"
            disabled={!props.vaultUnlocked}
            aria-label={`Discard the new key for ${entry.name}`}
            onClick={() =>
              void props.run(async () => {
                await api.invoke['keys:discard-rotation'](ref);
                props.onChanged();
              })
            }
          >
            Discard new key
          </button>
        </div>
        {confirming && (
          <ConfirmDialog
            title={`Switch ${entry.name} to the new key?`}
            message="The current private key is replaced and cannot be recovered unless you exported it. Make sure the gateway already has the new public key."
            confirmLabel="Use the new key"
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void props.run(async () => {
                await api.invoke['keys:confirm-rotation']({ ...ref, confirm: true });
                props.onChanged();
              });
            }}
          />
        )}
      </td>
    </tr>
  );
}
