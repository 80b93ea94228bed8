import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CredentialFinding, TreeEntry } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { ContainerAuthDialog } from './ContainerAuthDialog.tsx';
import { ExportCredentialsDialog } from './ExportCredentialsDialog.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import type { RowAction } from './RowMenu.tsx';
import { flattenTree } from './tree-rows.ts';
import { ROW_HEIGHT, rowDomId, TreeRowView } from './TreeRowView.tsx';
import { UndoToast, type Undoable } from './UndoToast.tsx';
import type { TreeView } from './use-tree.ts';
import { VirtualList } from './VirtualList.tsx';

type Props = { tree: TreeView; activeId: string | null; onOpen: (id: string) => void; onImport: () => void };

export function Sidebar({ tree, activeId, onOpen, onImport }: Props) {
  const api = useApi();
  const { error, run } = useAction();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [moving, setMoving] = useState<TreeEntry | null>(null);
  const [authOf, setAuthOf] = useState<TreeEntry | null>(null);
  const [undo, setUndo] = useState<Undoable | null>(null);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [credentialCheck, setCredentialCheck] = useState<{ collectionId: string; findings: CredentialFinding[] } | null>(null);

  const rows = useMemo(
    () => (tree.listing ? flattenTree(tree.listing, tree.byId, collapsed, tree.visible) : []),
    [tree.listing, tree.byId, collapsed, tree.visible],
  );

  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (!next.delete(id)) next.add(id);
    setCollapsed(next);
  };

  const create = (kind: 'folder' | 'request', parentId: string) =>
    void run(async () => {
      const node = await api.invoke['workspace:create'](kind === 'folder' ? { kind, parentId, name: 'New folder' } : { kind, parentId, name: 'New request', method: 'GET' });
      const next = new Set(collapsed);
      next.delete(parentId);
      setCollapsed(next);
      setRenamingId(node.id);
      if (node.kind === 'request') onOpen(node.id);
    });

  const act = (entry: TreeEntry, action: RowAction) => {
    if (action === 'new-folder' || action === 'new-request') create(action === 'new-folder' ? 'folder' : 'request', entry.id);
    else if (action === 'rename') setRenamingId(entry.id);
    else if (action === 'move') setMoving(entry);
    else if (action === 'auth') setAuthOf(entry);
    else if (action === 'export') void run(() => exportCollection(entry.id));
    else if (action === 'duplicate') void run(() => api.invoke['workspace:duplicate']({ id: entry.id }));
    else
      void run(async () => {
        const result = await api.invoke['workspace:delete']({ id: entry.id });
        setUndo({ token: result.undoToken, label: entry.name });
      });
  };

  const exportCollection = async (collectionId: string) => {
    const file = await api.invoke['workspace:export-collection']({ collectionId });
    // Typed-in credentials: ask first (move to the vault, or export as typed).
    if (file.credentialFindings.length > 0) setCredentialCheck({ collectionId, findings: file.credentialFindings });
    else download(file);
  };

  const download = (file: { fileName: string; text: string }) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const rename = (entry: TreeEntry, name: string | null) => {
    setRenamingId(null);
    if (name === null || name.trim() === '' || name === entry.name) return;
    void run(() => api.invoke['workspace:rename']({ id: entry.id, name: name.trim() }));
  };

  // Dropped on a container: into it, at the end. Dropped on a request: just before it, in its folder.
  const drop = (target: TreeEntry, draggedId: string) => {
    if (target.kind !== 'request') {
      void run(() => api.invoke['workspace:move']({ id: draggedId, parentId: target.id }));
      return;
    }
    const parent = target.parentId === null ? undefined : tree.byId.get(target.parentId);
    if (!parent?.children) return;
    const siblings = parent.children.filter((id) => id !== draggedId);
    void run(() => api.invoke['workspace:move']({ id: draggedId, parentId: parent.id, index: Math.max(0, siblings.indexOf(target.id)) }));
  };

  const cursorIndex = rows.findIndex((row) => row.entry.id === cursorId);

  // Arrows move, Right/Left open and close, Enter opens, F2 renames, Delete deletes (with Undo).
  const onTreeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const at = Math.max(0, cursorIndex);
    const row = rows[at];
    if (!row) return;
    const { entry } = row;
    const container = entry.kind !== 'request';
    const moveTo = (index: number) => setCursorId(rows[Math.min(rows.length - 1, Math.max(0, index))]?.entry.id ?? null);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(cursorIndex < 0 ? 0 : at + 1),
      ArrowUp: () => moveTo(at - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => (container && !row.expanded ? toggle(entry.id) : moveTo(at + 1)),
      ArrowLeft: () => (container && row.expanded ? toggle(entry.id) : entry.parentId !== null && setCursorId(entry.parentId)),
      Enter: () => (container ? toggle(entry.id) : onOpen(entry.id)),
      F2: () => setRenamingId(entry.id),
      Delete: () => act(entry, 'delete'),
    };
    const handler = keys[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  };

  const empty = tree.listing !== null && tree.listing.collections.length === 0;
  return (
    <aside className="wb-sidebar" aria-label="Collections" data-filter-applied={tree.applied}>
      <div className="wb-sidebar-tools">
        <input type="search" aria-label="Filter requests" placeholder="Filter by name, URL or method" value={tree.filter} onChange={(event) => tree.setFilter(event.target.value)} />
        <button
          type="button"
          title="New collection"
          onClick={() =>
            void run(async () => {
              const node = await api.invoke['workspace:create']({ kind: 'collection', name: 'New collection' });
              setRenamingId(node.id);
            })
          }
        >
          + Collection
        </button>
        <button type="button" onClick={onImport}>
          Import
        </button>
      </div>
      <ErrorNote error={error ?? tree.error} />
      {empty && <p className="empty wb-pad">No collections yet. Press “+ Collection” to start one, or Import a Postman collection or a curl command.</p>}
      {!empty && tree.visible !== null && rows.length === 0 && <p className="empty wb-pad">Nothing matches “{tree.filter}”. Try part of a name, a URL or a method.</p>}
      <VirtualList
        items={rows}
        rowHeight={ROW_HEIGHT}
        label="Requests"
        resetKey={tree.filter}
        getKey={(row) => row.entry.id}
        cursorIndex={cursorIndex}
        activeDescendant={cursorIndex >= 0 && cursorId ? rowDomId(cursorId) : undefined}
        onKeyDown={onTreeKey}
        render={(row) => (
          <TreeRowView
            row={row}
            active={row.entry.id === activeId}
            focused={row.entry.id === cursorId}
            renaming={row.entry.id === renamingId}
            onOpen={() => {
              setCursorId(row.entry.id);
              onOpen(row.entry.id);
            }}
            onToggle={() => {
              setCursorId(row.entry.id);
              toggle(row.entry.id);
            }}
            onAction={(action) => act(row.entry, action)}
            onRename={(name) => rename(row.entry, name)}
            onDropNode={(dragged) => drop(row.entry, dragged)}
          />
        )}
      />
      {moving && (
        <MoveDialog
          entry={moving}
          byId={tree.byId}
          onClose={() => setMoving(null)}
          onMove={(parentId) => {
            const id = moving.id;
            setMoving(null);
            void run(() => api.invoke['workspace:move']({ id, parentId }));
          }}
        />
      )}
      {authOf && <ContainerAuthDialog entry={authOf} onClose={() => setAuthOf(null)} />}
      {credentialCheck && (
        <ExportCredentialsDialog
          collectionId={credentialCheck.collectionId}
          findings={credentialCheck.findings}
          onDownload={download}
          onClose={() => setCredentialCheck(null)}
        />
      )}
      {undo && (
        <UndoToast
          undo={undo}
          onDismiss={() => setUndo(null)}
          onUndo={() => {
            const token = undo.token;
            setUndo(null);
            void run(() => api.invoke['workspace:undo-delete']({ undoToken: token }));
          }}
        />
      )}
    </aside>
  );
}
