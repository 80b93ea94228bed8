import type { TreeRow } from './tree-rows.ts';

/** What a key asks of the tree; the sidebar carries it out. */
export type TreeCommand =
  | { kind: 'cursor'; index: number }
  | { kind: 'toggle'; id: string }
  | { kind: 'open'; id: string }
  | { kind: 'rename'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'menu'; id: string };

/**
 * The WAI-ARIA tree pattern's keys: Up/Down move, Right opens a closed
 * container or steps into an open one, Left closes an open container or goes
 * to the parent, Home/End, Enter opens (a request) or toggles (a container),
 * F2 renames, Delete deletes (with Undo), Shift+F10 or the menu key opens the
 * row's actions. `at` is the cursor's row, -1 when there is none yet.
 */
export function treeCommand(key: string, shift: boolean, rows: readonly TreeRow[], at: number): TreeCommand | null {
  if (rows.length === 0) return null;
  const clamp = (index: number): TreeCommand => ({ kind: 'cursor', index: Math.min(rows.length - 1, Math.max(0, index)) });
  if (at < 0) return key === 'End' ? clamp(rows.length - 1) : ['ArrowDown', 'ArrowUp', 'Home'].includes(key) ? clamp(0) : null;
  const row = rows[at];
  if (!row) return null;
  const { entry } = row;
  const container = entry.kind !== 'request';
  switch (key) {
    case 'ArrowDown':
      return clamp(at + 1);
    case 'ArrowUp':
      return clamp(at - 1);
    case 'Home':
      return clamp(0);
    case 'End':
      return clamp(rows.length - 1);
    case 'ArrowRight':
      if (container && !row.expanded) return { kind: 'toggle', id: entry.id };
      return container && rows[at + 1]?.entry.parentId === entry.id ? clamp(at + 1) : null;
    case 'ArrowLeft': {
      if (container && row.expanded) return { kind: 'toggle', id: entry.id };
      const parent = rows.findLastIndex((other, index) => index < at && other.entry.id === entry.parentId);
      return parent >= 0 ? clamp(parent) : null;
    }
    case 'Enter':
      return container ? { kind: 'toggle', id: entry.id } : { kind: 'open', id: entry.id };
    case 'F2':
      return { kind: 'rename', id: entry.id };
    case 'Delete':
      return { kind: 'delete', id: entry.id };
    case 'F10':
      return shift ? { kind: 'menu', id: entry.id } : null;
    case 'ContextMenu':
      return { kind: 'menu', id: entry.id };
    default:
      return null;
  }
}

/**
 * Type-ahead: the next row after `from` (wrapping) whose name starts with
 * `typed`; a repeated single letter cycles through rows starting with it.
 * One pass over the rows shown: cheap even at 10,000.
 */
export function typeAhead(rows: readonly TreeRow[], from: number, typed: string): number {
  const text = typed.toLowerCase();
  if (text === '' || rows.length === 0) return -1;
  const cycling = /^(.)\1+$/su.test(text);
  const wanted = cycling ? text.slice(0, 1) : text;
  // A longer prefix may still match the row under the cursor; a new letter looks past it.
  const start = text.length > 1 && !cycling ? from : from + 1;
  for (let step = 0; step < rows.length; step++) {
    const index = (Math.max(0, start) + step) % rows.length;
    if (rows[index]?.entry.name.toLowerCase().startsWith(wanted)) return index;
  }
  return -1;
}

/** The same checks main makes on a name, so a bad one is refused in place with the reason and the text kept. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'A name cannot be empty.';
  if (name.length > 200) return `A name can be at most 200 characters (this one has ${String(name.length)}).`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'A name cannot hold control characters.';
  return null;
}
