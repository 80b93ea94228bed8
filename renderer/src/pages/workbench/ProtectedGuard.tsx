import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import type { PendingConfirmation } from './use-send.ts';

/** Asks before a send to a protected environment, naming both the environment and the request. */
export function ProtectedGuard({ pending, onConfirm, onCancel }: { pending: PendingConfirmation; onConfirm: (remember: boolean) => void; onCancel: () => void }) {
  const [remember, setRemember] = useState(false);
  const environment = pending.environment.name;
  return (
    <Dialog title={`Send to ${environment}?`} onClose={onCancel}>
      <div className="dialog-body wb-guard">
        <p className="wb-guard-banner">{environment} is protected: this reaches a real gateway with real credentials.</p>
        <p>
          Send <strong>{pending.requestName}</strong> to <strong>{environment}</strong>?
        </p>
        <label className="radio">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          Don’t ask again for this request in {environment} until Countersign is closed
        </label>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => onConfirm(remember)}>
          Send to {environment}
        </button>
      </div>
    </Dialog>
  );
}
