import type { KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';

const INDENT = '  ';

/**
 * Tab in a body editor indents (Shift+Tab outdents) instead of leaving the
 * field; Escape arms the next Tab to move the focus on as usual, so a
 * keyboard user is never trapped. Other keys pass through untouched.
 */
export function indentKey(event: KeyboardEvent<HTMLTextAreaElement>, setText: (text: string) => void): void {
  const area = event.currentTarget;
  if (event.key === 'Escape') {
    area.dataset.tabLeaves = 'true';
    return;
  }
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) {
    delete area.dataset.tabLeaves;
    return;
  }
  if (area.dataset.tabLeaves === 'true') {
    delete area.dataset.tabLeaves;
    return;
  }
  event.preventDefault();
  const { value, selectionStart: start, selectionEnd: end } = area;
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  let next: string;
  let caretStart: number;
  let caretEnd: number;
  if (!event.shiftKey && start === end) {
    next = value.slice(0, start) + INDENT + value.slice(end);
    caretStart = caretEnd = start + INDENT.length;
  } else {
    // A selection (or Shift+Tab) works on whole lines.
    const block = value.slice(lineStart, end);
    const lines = block.split('\n');
    const changed = event.shiftKey ? lines.map((line) => line.replace(/^ {1,2}/, '')) : lines.map((line) => INDENT + line);
    next = value.slice(0, lineStart) + changed.join('\n') + value.slice(end);
    const firstDelta = (changed[0]?.length ?? 0) - (lines[0]?.length ?? 0);
    caretStart = Math.max(lineStart, start + firstDelta);
    caretEnd = end + (changed.join('\n').length - block.length);
  }
  // Rendered at once, so the caret is put back before the next key arrives.
  flushSync(() => setText(next));
  area.setSelectionRange(caretStart, caretEnd);
}
