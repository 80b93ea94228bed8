import type { TreeEntry } from '../../../../main/contract/workspace.ts';

export type RowAction = 'new-folder' | 'new-request' | 'rename' | 'duplicate' | 'move' | 'export' | 'auth' | 'delete';

const LABELS: Record<RowAction, string> = {
  'new-folder': 'New folder',
  'new-request': 'New request',
  rename: 'Rename',
  duplicate: 'Duplicate',
  move: 'Move to…',
  export: 'Export…',
  auth: 'Auth…',
  delete: 'Delete',
};

/** The actions a row offers; containers can hold new items, collections stay where the workspace lists them. */
export function actionsFor(entry: TreeEntry): RowAction[] {
  const actions: RowAction[] = [];
  if (entry.kind !== 'request') actions.push('new-folder', 'new-request', 'auth');
  actions.push('rename', 'duplicate');
  if (entry.kind !== 'collection') actions.push('move');
  else actions.push('export');
  actions.push('delete');
  return actions;
}

export function RowMenu({ entry, onPick, onClose }: { entry: TreeEntry; onPick: (action: RowAction) => void; onClose: () => void }) {
  return (
    <div
      className="wb-menu"
      role="menu"
      aria-label={`Actions for ${entry.name}`}
      onMouseLeave={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {actionsFor(entry).map((action, index) => (
        <button
          key={action}
          autoFocus={index === 0}
          type="button"
          role="menuitem"
          className={action === 'delete' ? 'danger' : undefined}
          onClick={() => {
            onClose();
            onPick(action);
          }}
        >
          {LABELS[action]}
        </button>
      ))}
    </div>
  );
}
