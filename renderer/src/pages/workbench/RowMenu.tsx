import { useRef, type KeyboardEvent } from 'react';
import type { TreeEntry } from '../../../../main/contract/workspace.ts';

export type RowAction = 'new-folder' | 'new-request' | 'rename' | 'duplicate' | 'move' | 'export' | 'export-postman' | 'auth' | 'delete';

const LABELS: Record<RowAction, string> = {
  'new-folder': 'New folder',
  'new-request': 'New request',
  rename: 'Rename',
  duplicate: 'Duplicate',
  move: 'Move to…',
  export: 'Export…',
  'export-postman': 'Export as Postman v2.1…',
  auth: 'Auth…',
  delete: 'Delete',
};

/** The actions a row offers; containers can hold new items, collections stay where the workspace lists them. */
export function actionsFor(entry: TreeEntry): RowAction[] {
  const actions: RowAction[] = [];
  if (entry.kind !== 'request') actions.push('new-folder', 'new-request', 'auth');
  actions.push('rename', 'duplicate');
  if (entry.kind !== 'collection') actions.push('move');
  else actions.push('export', 'export-postman');
  actions.push('delete');
  return actions;
}

/**
 * A row's actions as a menu: focus starts on the first item, Up/Down/Home/End
 * move, Escape or Tab closes. `onClose(refocus)`: true when the focus was in
 * the menu, so the caller puts it back on the row.
 */
export function RowMenu({ entry, onPick, onClose }: { entry: TreeEntry; onPick: (action: RowAction) => void; onClose: (refocus: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const focusInside = () => ref.current?.contains(document.activeElement) ?? false;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys here belong to the menu, not to the tree around it.
    event.stopPropagation();
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.findIndex((item) => item === document.activeElement);
    const go = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose(true);
    else return;
    event.preventDefault();
  };
  return (
    <div ref={ref} className="wb-menu" role="menu" aria-label={`Actions for ${entry.name}`} onMouseLeave={() => onClose(focusInside())} onKeyDown={onKeyDown}>
      {actionsFor(entry).map((action, index) => (
        <button
          key={action}
          autoFocus={index === 0}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={action === 'delete' ? 'danger' : undefined}
          onClick={() => {
            onClose(true);
            onPick(action);
          }}
        >
          {LABELS[action]}
        </button>
      ))}
    </div>
  );
}
