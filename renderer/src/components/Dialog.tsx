import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { rememberFocus, restoreFocus, tabbables } from './focus-return.ts';

/**
 * A modal dialog on the native <dialog> element: focus moves into it and Tab
 * cycles inside it, Escape closes it, the page behind is inert while it is
 * open, and when it closes (whichever way) the focus goes back to the control
 * that opened it, or to the one standing in its place if it was re-rendered.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Read while rendering, before anything inside the dialog can take the focus.
  const [opener] = useState(() => rememberFocus());
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      // jsdom (component tests) has no showModal; the open attribute stands in.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    if (!dialog.contains(document.activeElement)) (dialog.querySelector<HTMLElement>('[autofocus]') ?? tabbables(dialog)[0] ?? dialog).focus();
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
      restoreFocus(opener);
      // The opener may be replaced a moment later (the list it sat in refreshed): look again if the focus fell to the page.
      requestAnimationFrame(() => {
        if (document.activeElement === null || document.activeElement === document.body) restoreFocus(opener);
      });
    };
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget;
    const stops = tabbables(dialog);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    // Wrap at either end instead of letting Tab leave for the browser's own controls.
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h3 className="dialog-title">{title}</h3>
      {children}
    </dialog>
  );
}

/** Asks before something that cannot be taken back; the confirm button names the action. */
export function ConfirmDialog(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={props.title} onClose={props.onCancel}>
      <div className="dialog-body">{props.message}</div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
