import { useCallback, useEffect, useRef, useState } from 'react';
import type { Flow } from '../../../../main/contract/flow-model.ts';
import { useApi } from '../../api/context.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { FlowEditor } from './editor/FlowEditor.tsx';
import { FlowRunner } from './FlowRunner.tsx';
import { InboxPanel } from './InboxPanel.tsx';
import { useFlowList } from './use-flow-list.ts';
import { useFlowRuns } from './use-flow-run.ts';
import { useUi } from '../../state/use-ui.ts';
import { useFlowView } from './use-flow-view.ts';

/** Flows by collection, the runner of the one selected, and the callback inbox beside them. */
export function FlowsPage() {
  const api = useApi();
  const list = useFlowList();
  // In the UI store: the command palette chooses a flow there too, and a visit to another page keeps it.
  const selected = useUi((state) => state.selectedFlow);
  const setSelected = useUi((state) => state.selectFlow);
  const [deleting, setDeleting] = useState(false);
  // The editor replaces the runner while open; flow null is a new flow.
  const [editing, setEditing] = useState<{ collectionId: string; flow: Flow | null } | null>(null);
  const removal = useAction();
  const clear = useCallback(() => setSelected(null), [setSelected]);
  const { view, error } = useFlowView(selected, clear);

  // Coming back to the page shows the flow of the latest run (main keeps runs while the app is open).
  const runs = useFlowRuns();
  const latest = runs.data?.[0];
  // Only when nothing is chosen yet, and only the first answer: later runs never move the selection.
  const pickedLatest = useRef(false);
  useEffect(() => {
    if (!latest || pickedLatest.current) return;
    pickedLatest.current = true;
    if (selected === null) setSelected({ collectionId: latest.collectionId, flowId: latest.flowId });
  }, [latest, selected, setSelected]);

  const remove = async () => {
    if (!view) return;
    setDeleting(false);
    const done = await removal.run(() => api.invoke['flows:delete']({ collectionId: view.collectionId, flowId: view.flow.id }));
    if (done) {
      setSelected(null);
      list.reload();
    }
  };

  const saved = (collectionId: string, flow: Flow) => {
    setEditing(null);
    setSelected({ collectionId, flowId: flow.id });
    list.reload();
  };

  return (
    <section className="fl" aria-label="Flows">
      <nav className="fl-list" aria-label="Flow list">
        <h2>Flows</h2>
        <ErrorNote error={list.error} />
        {list.collections === null && !list.error && <p className="hint">Loading…</p>}
        {list.collections?.map((collection) => (
          <section key={collection.id} className="fl-collection" aria-label={collection.name}>
            <h3>{collection.name}</h3>
            <button type="button" aria-label={`New flow in ${collection.name}`} onClick={() => setEditing({ collectionId: collection.id, flow: null })}>
              New flow
            </button>
            {collection.flows.length === 0 ? (
              <p className="empty">No flows yet.</p>
            ) : (
              <ul>
                {collection.flows.map((flow) => (
                  <li key={flow.id}>
                    <button
                      type="button"
                      className="fl-list-item"
                      aria-current={selected?.collectionId === collection.id && selected.flowId === flow.id ? 'true' : undefined}
                      onClick={() => {
                        setEditing(null);
                        setSelected({ collectionId: collection.id, flowId: flow.id });
                      }}
                    >
                      {flow.name}
                      <span className="hint">
                        {' '}
                        · {flow.steps} {flow.steps === 1 ? 'step' : 'steps'}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </nav>
      <div className="fl-main">
        {editing ? (
          <div className="fl-editor">
            <FlowEditor
              key={`${editing.collectionId}/${editing.flow?.id ?? 'new'}`}
              collectionId={editing.collectionId}
              flow={editing.flow}
              onSaved={(flow) => saved(editing.collectionId, flow)}
              onCancel={() => setEditing(null)}
            />
          </div>
        ) : selected === null ? (
          <p className="empty">Choose a flow to run it.</p>
        ) : view === null ? (
          error ? <ErrorNote error={error} /> : <p className="hint">Loading…</p>
        ) : (
          <section aria-label={`Flow ${view.flow.name}`}>
            <header className="fl-flow-head">
              <h2>{view.flow.name}</h2>
              <span className="hint">{view.collectionName}</span>
              <span className="fl-flow-tools">
                <button type="button" onClick={() => setEditing({ collectionId: view.collectionId, flow: view.flow })}>
                  Edit flow
                </button>
                <button type="button" className="danger" disabled={removal.busy} onClick={() => setDeleting(true)}>
                  Delete flow
                </button>
              </span>
            </header>
            <ErrorNote error={removal.error ?? error} />
            <FlowRunner key={`${view.collectionId}/${view.flow.id}`} view={view} />
            {deleting && (
              <ConfirmDialog
                title="Delete this flow?"
                message={
                  <p>
                    Delete <strong>{view.flow.name}</strong> from {view.collectionName}? Its requests stay; only the flow goes.
                  </p>
                }
                confirmLabel="Delete flow"
                danger
                onConfirm={() => void remove()}
                onCancel={() => setDeleting(false)}
              />
            )}
          </section>
        )}
      </div>
      <InboxPanel />
    </section>
  );
}
