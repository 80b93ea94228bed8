import { useState } from 'react';
import type { TreeEntry } from '../../../../main/contract/workspace.ts';
import { Dialog } from '../../components/Dialog.tsx';

/** Every collection and folder except the item itself and what is inside it, with its path for a label. */
function destinations(byId: ReadonlyMap<string, TreeEntry>, moving: TreeEntry): { id: string; path: string }[] {
  const result: { id: string; path: string }[] = [];
  const walk = (id: string, prefix: string) => {
    const entry = byId.get(id);
    if (!entry || entry.kind === 'request' || entry.id === moving.id) return;
    const path = prefix ? `${prefix} / ${entry.name}` : entry.name;
    result.push({ id, path });
    for (const child of entry.children ?? []) walk(child, path);
  };
  for (const entry of byId.values()) if (entry.kind === 'collection') walk(entry.id, '');
  return result;
}

export function MoveDialog(props: { entry: TreeEntry; byId: ReadonlyMap<string, TreeEntry>; onMove: (parentId: string) => void; onClose: () => void }) {
  const options = destinations(props.byId, props.entry).filter((option) => option.id !== props.entry.parentId);
  const [target, setTarget] = useState(options[0]?.id ?? '');
  return (
    <Dialog title={`Move ${props.entry.name}`} onClose={props.onClose}>
      {options.length === 0 ? (
        <p className="empty">There is no other collection or folder to move it to. Create one first.</p>
      ) : (
        <label className="form">
          Destination
          <select value={target} onChange={(event) => setTarget(event.target.value)}>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.path}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!target} onClick={() => props.onMove(target)}>
          Move here
        </button>
      </div>
    </Dialog>
  );
}
