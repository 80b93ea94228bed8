import { useEffect, useRef } from 'react';
import { primaryModifier } from '../../palette/keys.ts';

export type Shortcuts = { save: () => void; send: () => void };

/** A modal dialog (the production guard, a move, the palette) owns the keyboard while open. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Runs `onKeyDown` for every key pressed in the window while mounted, always with the latest handlers. */
function useWindowKeys<T>(handlers: T, onKeyDown: (event: KeyboardEvent, handlers: T) => void): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const handle = useRef(onKeyDown);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle.current(event, latest.current);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** Ctrl/Cmd+S saves and Ctrl/Cmd+Enter sends, wherever the focus is on the workbench page. */
export function useShortcuts(shortcuts: Shortcuts): void {
  useWindowKeys(shortcuts, (event, current) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || dialogOpen()) return;
    if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      current.save();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      current.send();
    }
  });
}

export type TabKeys = { close: () => void; next: () => void; previous: () => void };

/**
 * Ctrl/Cmd+W closes the tab in view, Ctrl+Tab and Ctrl+Shift+Tab switch. A
 * browser keeps those for its own tabs, so Alt+W, Alt+PageDown and Alt+PageUp
 * do the same everywhere (letters by key position: Alt changes the character on macOS).
 */
export function useTabKeys(keys: TabKeys): void {
  useWindowKeys(keys, (event, current) => {
    if (dialogOpen()) return;
    const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey;
    let run: (() => void) | null = null;
    if (event.code === 'KeyW' && !event.shiftKey && ((primaryModifier(event) && !event.altKey) || plainAlt)) run = current.close;
    else if (event.key === 'Tab' && event.ctrlKey && !event.altKey && !event.metaKey) run = event.shiftKey ? current.previous : current.next;
    else if (plainAlt && !event.shiftKey && event.key === 'PageDown') run = current.next;
    else if (plainAlt && !event.shiftKey && event.key === 'PageUp') run = current.previous;
    if (!run) return;
    event.preventDefault();
    run();
  });
}

export type GlobalKeys = { palette: () => void; shortcuts: () => void };

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Ctrl/Cmd+K opens the command palette and "?" (outside a text field) the list of shortcuts, on every page. */
export function useGlobalKeys(keys: GlobalKeys): void {
  useWindowKeys(keys, (event, current) => {
    if (dialogOpen()) return;
    if (event.code === 'KeyK' && primaryModifier(event) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      current.palette();
    } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
      event.preventDefault();
      current.shortcuts();
    }
  });
}
