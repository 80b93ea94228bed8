import { useEffect, useRef } from 'react';

export type Shortcuts = { save: () => void; send: () => void };

/** Ctrl/Cmd+S saves and Ctrl/Cmd+Enter sends, wherever the focus is on the workbench page. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      // A modal dialog (the production guard, a move) owns the keyboard while open.
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 's' || event.key === 'S') {
        event.preventDefault();
        latest.current.save();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        latest.current.send();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
