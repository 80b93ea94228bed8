import { Dialog } from '../../components/Dialog.tsx';

/** Asks before a run against a protected environment, naming the environment and the flow (the workbench's ProtectedGuard, for a whole flow). */
export function FlowGuard({ environment, flowName, fromStep, onConfirm, onCancel }: { environment: string; flowName: string; fromStep: number | null; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog title={`Run in ${environment}?`} onClose={onCancel}>
      <div className="dialog-body wb-guard">
        <p className="wb-guard-banner">{environment} is protected: every step reaches a real gateway with real credentials.</p>
        <p>
          Run <strong>{flowName}</strong>
          {fromStep !== null && <> from step {fromStep + 1}</>} against <strong>{environment}</strong>?
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Run in {environment}
        </button>
      </div>
    </Dialog>
  );
}
