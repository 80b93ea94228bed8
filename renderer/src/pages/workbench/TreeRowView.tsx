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
  renaming: boolean;
  onOpen: () => void;
  onToggle: () => void;
  onAction: (action: RowAction) => void;
  onRename: (name: string | null) => void;
  onDropNode: (draggedId: string) => void;
};

/** One sidebar row: a collection, folder or request, with its menu, inline rename and drag and drop. */
export function rowDomId(id: string): string {
  return `wb-node-${id}`;
}

export function TreeRowView({ row, active, focused, renaming, onOpen, onToggle, onAction, onRename, onDropNode }: Props) {
  const { entry, depth, expanded } = row;
  const [menuOpen, setMenuOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const container = entry.kind !== 'request';

  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(DRAG_TYPE);
  return (
    <div
      id={rowDomId(entry.id)}
      className={`wb-row kind-${entry.kind}${active ? ' active' : ''}${focused ? ' cursor' : ''}${dropping ? ' drop' : ''}`}
      style={{ paddingLeft: 8 + depth * 14 }}
      role="treeitem"
      aria-selected={active}
      aria-expanded={container ? expanded : undefined}
      aria-level={depth + 1}
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
        <button type="button" className="wb-twisty" aria-label={`${expanded ? 'Collapse' : 'Expand'} ${entry.name}`} onClick={onToggle}>
          {expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className={`wb-method method-${(entry.method ?? 'GET').toLowerCase()}`}>{entry.method ?? 'GET'}</span>
      )}
      {renaming ? (
        <input
          className="wb-rename"
          aria-label={`New name for ${entry.name}`}
          defaultValue={entry.name}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onRename(event.currentTarget.value);
            if (event.key === 'Escape') onRename(null);
          }}
          onBlur={(event) => onRename(event.currentTarget.value)}
        />
      ) : (
        <button
          type="button"
          className="wb-row-name"
          title={entry.url ?? entry.name}
          onClick={container ? onToggle : onOpen}
          onDoubleClick={() => onAction('rename')}
        >
          {entry.name}
        </button>
      )}
      <button type="button" className="wb-row-more" aria-label={`Actions for ${entry.name}`} aria-haspopup="menu" onClick={() => setMenuOpen(!menuOpen)}>
        ⋯
      </button>
      {menuOpen && <RowMenu entry={entry} onPick={onAction} onClose={() => setMenuOpen(false)} />}
    </div>
  );
}
