import { useCallback, useState } from 'react';
import type { HistoryEntry } from '../../../../main/contract/history.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { CurlDialog } from './CurlDialog.tsx';
import { EnvironmentBar } from './EnvironmentBar.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { ProtectedGuard } from './ProtectedGuard.tsx';
import { ReopenedSend } from './ReopenedSend.tsx';
import { RequestEditor } from './RequestEditor.tsx';
import { DiskConflict } from './DiskConflict.tsx';
import { ResponseViewer } from './ResponseViewer.tsx';
import { Sidebar } from './Sidebar.tsx';
import { SignatureDebugger } from './SignatureDebugger.tsx';
import { TabBar, tabPanelProps } from './TabBar.tsx';
import { collectionOf } from './tree-rows.ts';
import { useEnvironments } from './use-environments.ts';
import { useHistory } from './use-history.ts';
import { useSecretNames } from './use-secret-names.ts';
import { useSend } from './use-send.ts';
import { VaultProblemNote } from '../vault/VaultProblemNote.tsx';
import { useShortcuts } from './use-shortcuts.ts';
import { isDirty, useTabs } from './use-tabs.ts';
import { useTree } from './use-tree.ts';
import { useUi } from '../../state/use-ui.ts';
import { PaneResizer } from '../../shell/PaneResizer.tsx';

/** Collections, open requests, the environment in use, the response and the signature debugger, side by side. */
export function WorkbenchPage() {
  const tree = useTree();
  const tabs = useTabs();
  const [importing, setImporting] = useState(false);
  const [curlFor, setCurlFor] = useState<string | null>(null);
  const chooseEnvironment = useUi((state) => state.chooseEnvironment);
  const history = useHistory();
  const activeId = tabs.activeId;
  const tab = activeId ? tabs.tabs[activeId] : undefined;
  const collection = activeId ? collectionOf(tree.byId, activeId) : undefined;
  const environments = useEnvironments(collection?.id);
  const environment = environments.active;
  const secrets = useSecretNames(environment?.name);
  // The History entry last reopened (kept in the store, so a visit to another page keeps it).
  const reopened = useUi((state) => state.reopenedSend);
  const setReopened = useUi((state) => state.setReopenedSend);
  const reopen = (entry: HistoryEntry): string | null => {
    if (!tree.byId.has(entry.requestId)) return `“${entry.requestName}” was deleted, so it cannot be reopened; its history entry is kept.`;
    const owner = collectionOf(tree.byId, entry.requestId);
    // The store re-renders the environment bar with this choice, even for a collection not in view until now.
    if (owner) chooseEnvironment(owner.id, entry.environment.id);
    tabs.open(entry.requestId);
    setReopened(entry);
    return null;
  };

  const { tabs: open, save } = tabs;
  // Main signs and sends what is saved, so a pending edit is saved first.
  const beforeSend = useCallback(
    async (id: string) => {
      const current = open[id];
      if (current && isDirty(current)) await save(id);
    },
    [open, save],
  );
  const send = useSend(beforeSend);

  // What the response and debugger panes show belongs to the request in view, never to another tab.
  const mine = send.subject !== null && send.subject === activeId;
  const shown = mine ? send : { ...send, result: null, signed: null, error: null, errorCode: null, running: null, progress: null };

  const sendActive = () => {
    if (!tab || !environment || send.running) return;
    // A new send answers for itself: the reopened one from History gives way.
    if (reopened?.requestId === tab.draft.id) setReopened(null);
    send.send(tab.draft.id, tab.draft.name, environment);
  };
  useShortcuts({
    // A failed save shows its error above the editor.
    save: () => {
      if (activeId && tab && isDirty(tab)) save(activeId).catch(() => undefined);
    },
    send: sendActive,
  });

  return (
    <section className="wb" aria-label="Workbench">
      <Sidebar tree={tree} activeId={activeId} onOpen={tabs.open} onImport={() => setImporting(true)} />
      <PaneResizer paneId="workbench.sidebar" cssVar="--wb-sidebar-width" label="Resize the sidebar" min={180} max={600} initial={window.innerWidth <= 1280 ? 240 : 300} />
      <div className="wb-main">
        <EnvironmentBar collectionId={collection?.id} collectionName={collection?.name} view={environments} />
        <TabBar tabs={tabs} />
        <ErrorNote error={tabs.error} />
        {tab?.conflict && <DiskConflict mine={tab.draft} theirs={tab.saved} deleted={tab.conflict === 'deleted'} onResolve={(choice) => tabs.resolveConflict(tab.draft.id, choice)} />}
        {!tab ? (
          <div className="empty wb-pad" data-testid="workbench-empty">
            <p>Pick a request in the sidebar to open it here, or create one from a collection’s ⋯ menu.</p>
            <p className="hint">Ctrl/Cmd+Enter sends, Ctrl/Cmd+S saves, Ctrl/Cmd+K finds any request or action, ? lists every key. Samples for each gateway are ready to send to the built-in sandbox.</p>
          </div>
        ) : (
          <div className="wb-work" {...tabPanelProps(tab.draft.id)}>
            <RequestEditor
              key={tab.draft.id}
              draft={tab.draft}
              environment={environment}
              secretNames={secrets.names}
              vaultLocked={secrets.locked}
              running={shown.running !== null}
              blocked={send.running !== null && !mine}
              onChange={(change) => tabs.edit(tab.draft.id, change)}
              onSend={sendActive}
              onCancel={send.cancel}
              onCopyCurl={environment ? () => setCurlFor(tab.draft.id) : undefined}
            />
            <VaultProblemNote error={shown.error} code={shown.errorCode} />
            {reopened?.requestId === tab.draft.id && <ReopenedSend entry={reopened} onClose={() => setReopened(null)} />}
            <div className="wb-results">
              <ResponseViewer result={shown.result} running={shown.running !== null} progress={shown.progress} onCancel={send.cancel} />
              <PaneResizer paneId="workbench.response" cssVar="--wb-response-width" label="Resize the response and the signature debugger" min={280} max={2000} initial={640} />
              <SignatureDebugger
                send={shown}
                canSign={environment !== undefined}
                onSign={(compare) => {
                  if (environment) void send.sign(tab.draft.id, environment.id, compare);
                }}
              />
            </div>
          </div>
        )}
        <HistoryPanel history={history} onReopen={reopen} />
      </div>
      {curlFor && tab && curlFor === tab.draft.id && environment && (
        <CurlDialog requestId={tab.draft.id} requestName={tab.draft.name} environment={environment} beforeSign={beforeSend} onClose={() => setCurlFor(null)} />
      )}
      {send.confirmation && <ProtectedGuard pending={send.confirmation} onConfirm={send.confirm} onCancel={send.dismissConfirmation} />}
      {importing && (
        <ImportDialog
          collections={(tree.listing?.collections ?? []).flatMap((id) => tree.byId.get(id) ?? [])}
          onClose={() => setImporting(false)}
          onImported={(requestId) => {
            if (requestId) tabs.open(requestId);
          }}
        />
      )}
    </section>
  );
}
