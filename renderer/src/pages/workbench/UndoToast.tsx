export type Undoable = { token: string; label: string };

/** Shown after a delete: the only way back, so it stays until dismissed or replaced. */
export function UndoToast({ undo, onUndo, onDismiss }: { undo: Undoable; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div className="wb-toast" role="status" data-testid="undo-toast">
      <span>Deleted {undo.label}.</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
