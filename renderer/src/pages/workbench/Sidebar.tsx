import { useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { CredentialFinding, TreeEntry } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { ContainerAuthDialog } from './ContainerAuthDialog.tsx';
import { ExportCredentialsDialog } from './ExportCredentialsDialog.tsx';
import { MoveDialog } from './MoveDialog.tsx';
import { PostmanExportDialog } from './PostmanExportDialog.tsx';
import { downloadFile } from './download-file.ts';
import type { RowAction } from './RowMenu.tsx';
import { nameProblem, treeCommand, typeAhead } from './tree-keyboard.ts';
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
  const [renameError, setRenameError] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [moving, setMoving] = useState<TreeEntry | null>(null);
  const [authOf, setAuthOf] = useState<TreeEntry | null>(null);
  const [postmanOf, setPostmanOf] = useState<TreeEntry | null>(null);
  const [undo, setUndo] = useState<Undoable | null>(null);
  // The row under the keyboard cursor, and where it was: when it vanishes the cursor stays at that height.
  const [cursor, setCursor] = useState<{ id: string; index: number } | null>(null);
  const [credentialCheck, setCredentialCheck] = useState<{ collectionId: string; findings: CredentialFinding[] } | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  // The row being renamed, read by handlers: a blur that follows Enter or Escape must not rename twice.
  const renamingRef = useRef<string | null>(null);
  const typed = useRef({ text: '', at: 0 });

  const rows = useMemo(
    () => (tree.listing ? flattenTree(tree.listing, tree.byId, collapsed, tree.visible) : []),
    [tree.listing, tree.byId, collapsed, tree.visible],
  );

  const found = cursor ? rows.findIndex((row) => row.entry.id === cursor.id) : -1;
  const cursorIndex = found >= 0 ? found : cursor && rows.length > 0 ? Math.min(cursor.index, rows.length - 1) : -1;
  const cursorRow = rows[cursorIndex];
  const setCursorAt = (index: number) => {
    const row = rows[index];
    if (row) setCursor({ id: row.entry.id, index });
  };
  const setCursorId = (id: string) => setCursor({ id, index: Math.max(0, rows.findIndex((row) => row.entry.id === id)) });

  const focusTree = () => treeRef.current?.focus();

  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (!next.delete(id)) next.add(id);
    setCollapsed(next);
  };

  const startRename = (id: string) => {
    renamingRef.current = id;
    setRenamingId(id);
    setRenameError(null);
    setCursorId(id);
  };

  const endRename = (id: string) => {
    renamingRef.current = null;
    setRenamingId(null);
    setRenameError(null);
    setCursorId(id);
    focusTree();
  };

  const create = (kind: 'folder' | 'request', parentId: string) =>
    void run(async () => {
      const node = await api.invoke['workspace:create'](kind === 'folder' ? { kind, parentId, name: 'New folder' } : { kind, parentId, name: 'New request', method: 'GET' });
      const next = new Set(collapsed);
      next.delete(parentId);
      setCollapsed(next);
      startRename(node.id);
      if (node.kind === 'request') onOpen(node.id);
    });

  const act = (entry: TreeEntry, action: RowAction) => {
    if (action === 'new-folder' || action === 'new-request') create(action === 'new-folder' ? 'folder' : 'request', entry.id);
    else if (action === 'rename') startRename(entry.id);
    else if (action === 'move') setMoving(entry);
    else if (action === 'auth') setAuthOf(entry);
    else if (action === 'export') void run(() => exportCollection(entry.id));
    else if (action === 'export-postman') setPostmanOf(entry);
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

  const download = downloadFile;

  // Escape (null) or the same name ends renaming; a refused name stays in the field with the reason, nothing typed is lost.
  const rename = (entry: TreeEntry, name: string | null) => {
    if (renamingRef.current !== entry.id) return;
    if (name === null || name.trim() === entry.name) return endRename(entry.id);
    const problem = nameProblem(name);
    if (problem) return setRenameError(problem);
    renamingRef.current = null;
    api.invoke['workspace:rename']({ id: entry.id, name: name.trim() }).then(
      () => endRename(entry.id),
      (reason: unknown) => {
        renamingRef.current = entry.id;
        setRenameError(errorMessage(reason));
      },
    );
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

  const onTreeKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const command = treeCommand(event.key, event.shiftKey, rows, cursorIndex);
    if (command) {
      event.preventDefault();
      if (command.kind === 'cursor') setCursorAt(command.index);
      else if (command.kind === 'toggle') toggle(command.id);
      else if (command.kind === 'open') onOpen(command.id);
      else if (command.kind === 'rename') startRename(command.id);
      else if (command.kind === 'menu') setMenuFor(command.id);
      else if (cursorRow) act(cursorRow.entry, 'delete');
      return;
    }
    // Type-ahead: letters typed within a second of each other spell the start of a name.
    if (event.key.length !== 1 || (event.key === ' ' && typed.current.text === '')) return;
    event.preventDefault();
    const now = Date.now();
    const text = (now - typed.current.at < 1000 ? typed.current.text : '') + event.key;
    typed.current = { text, at: now };
    // Letters that spell no name start over from the last one.
    let index = typeAhead(rows, cursorIndex, text);
    if (index < 0 && text.length > 1) {
      typed.current = { text: event.key, at: now };
      index = typeAhead(rows, cursorIndex, event.key);
    }
    if (index >= 0) setCursorAt(index);
  };

  // Arriving by Tab: the cursor starts on the open request's row, or the first.
  const onTreeFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const index = Math.max(0, rows.findIndex((row) => row.entry.id === activeId));
    const row = rows[index];
    // A click that just set the cursor wins over this default.
    if (row) setCursor((current) => current ?? { id: row.entry.id, index });
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
              startRename(node.id);
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
        activeDescendant={cursorRow ? rowDomId(cursorRow.entry.id) : undefined}
        listRef={treeRef}
        onKeyDown={onTreeKey}
        onFocus={onTreeFocus}
        render={(row) => (
          <TreeRowView
            row={row}
            active={row.entry.id === activeId}
            focused={row === cursorRow}
            renaming={row.entry.id === renamingId}
            renameError={row.entry.id === renamingId ? renameError : null}
            menuOpen={row.entry.id === menuFor}
            onOpen={() => {
              setCursorId(row.entry.id);
              onOpen(row.entry.id);
              focusTree();
            }}
            onToggle={() => {
              setCursorId(row.entry.id);
              toggle(row.entry.id);
              focusTree();
            }}
            onMenu={(open, refocus) => {
              setMenuFor(open ? row.entry.id : null);
              setCursorId(row.entry.id);
              if (refocus) focusTree();
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
      {postmanOf && <PostmanExportDialog collectionId={postmanOf.id} collectionName={postmanOf.name} onClose={() => setPostmanOf(null)} />}
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
