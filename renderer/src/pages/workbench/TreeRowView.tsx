import { useState, type DragEvent } from 'react';
import type { TreeRow } from './tree-rows.ts';
import { RowMenu, type RowAction } from './RowMenu.tsx';

export const ROW_HEIGHT = 28;
const DRAG_TYPE = 'application/x-countersign-node';

type Props = {
  row: TreeRow;
  active: boolean;
  /** Under the keyboard cursor. */
  focused: boolean;
  /** Renaming in place; `renameError` says why the last name typed was refused (the text stays). */
  renaming: boolean;
  renameError: string | null;
  menuOpen: boolean;
  onOpen: () => void;
  onToggle: () => void;
  onMenu: (open: boolean, refocus: boolean) => void;
  onAction: (action: RowAction) => void;
  onRename: (name: string | null) => void;
  onDropNode: (draggedId: string) => void;
};

export function rowDomId(id: string): string {
  return `wb-node-${id}`;
}

/**
 * One sidebar row: a collection, folder or request, with its menu, inline
 * rename and drag and drop. The tree around it holds the focus, so the
 * buttons here are for the mouse (tabIndex -1): the keyboard has the tree's keys.
 */
export function TreeRowView({ row, active, focused, renaming, renameError, menuOpen, onOpen, onToggle, onMenu, onAction, onRename, onDropNode }: Props) {
  const { entry, depth, expanded } = row;
  const [dropping, setDropping] = useState(false);
  const container = entry.kind !== 'request';
  const errorId = `${rowDomId(entry.id)}-rename-error`;

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(DRAG_TYPE);
  return (
    <div
      id={rowDomId(entry.id)}
      className={`wb-row kind-${entry.kind}${active ? ' active' : ''}${focused ? ' cursor' : ''}${dropping ? ' drop' : ''}`}
      style={{ paddingLeft: 8 + depth * 14 }}
      role="treeitem"
      aria-label={entry.kind === 'request' ? `${entry.method ?? 'GET'} ${entry.name}` : entry.name}
      aria-selected={active}
      aria-expanded={container ? expanded : undefined}
      aria-level={depth + 1}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      data-testid="tree-row"
      data-kind={entry.kind}
      data-name={entry.name}
      draggable={entry.kind !== 'collection' && !renaming}
      onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, entry.id)}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false);
        const dragged = event.dataTransfer.getData(DRAG_TYPE);
        if (dragged && dragged !== entry.id) onDropNode(dragged);
      }}
    >
      {container ? (
        <button type="button" tabIndex={-1} className="wb-twisty" aria-label={`${expanded ? 'Collapse' : 'Expand'} ${entry.name}`} onClick={onToggle}>
          {expanded ? '▾' : '▸'}
        </button>
      ) : (
        // The space keeps "POST Create order" one phrase, as the row's label says it (a flex row does not show it).
        <>
          <span className={`wb-method method-${(entry.method ?? 'GET').toLowerCase()}`}>{entry.method ?? 'GET'}</span>{' '}
        </>
      )}
      {renaming ? (
        <span className="wb-rename-field">
          <input
            className="wb-rename"
            aria-label={`New name for ${entry.name}`}
            aria-invalid={renameError !== null}
            aria-describedby={renameError ? errorId : undefined}
            defaultValue={entry.name}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={(event) => {
              // The tree's keys (type-ahead, arrows, Delete) must not act on the row while its name is typed.
              event.stopPropagation();
              if (event.key === 'Enter') onRename(event.currentTarget.value);
              if (event.key === 'Escape') {
                event.preventDefault();
                onRename(null);
              }
            }}
            // Leaving the field commits; a refused name stays there to fix.
            onBlur={(event) => onRename(event.currentTarget.value)}
          />
          {renameError && (
            <span id={errorId} role="alert" className="wb-rename-error">
              {renameError}
            </span>
          )}
        </span>
      ) : (
        <button
          type="button"
          tabIndex={-1}
          className="wb-row-name"
          title={entry.url ?? entry.name}
          onClick={container ? onToggle : onOpen}
          onDoubleClick={() => onAction('rename')}
        >
          {entry.name}
        </button>
      )}
      <button type="button" tabIndex={-1} className="wb-row-more" aria-label={`Actions for ${entry.name}`} aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => onMenu(!menuOpen, false)}>
        ⋯
      </button>
      {menuOpen && <RowMenu entry={entry} onPick={onAction} onClose={(refocus) => onMenu(false, refocus)} />}
    </div>
  );
}
