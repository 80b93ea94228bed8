import { useId, useState, type JSX } from 'react';
import type { ErrorIssue } from '../../../../../main/contract/errors.ts';
import type { Flow } from '../../../../../main/contract/flow-model.ts';
import { useApi } from '../../../api/context.tsx';
import { ApiError, errorMessage } from '../../../api/errors.ts';
import { ConfirmDialog } from '../../../components/Dialog.tsx';
import { ErrorNote } from '../../../components/ErrorNote.tsx';
import type { NameLists } from './CapturesEditor.tsx';
import { draftFromFlow, flowFromDraft, layoutOf, moveItem, newCallbackStep, newRequestStep, type FlowDraft, type StepDraft } from './draft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { describePath, indexIssues, NO_ISSUES, shownPaths } from './issues.ts';
import { StepEditor } from './StepEditor.tsx';
import { useCollectionFacts } from './use-collection-facts.ts';
import { VariablesEditor } from './VariablesEditor.tsx';
import './flow-editor.css';

type Props = { collectionId: string; flow: Flow | null; onSaved: (flow: Flow) => void; onCancel: () => void };

/** Why the last save did not happen; its issues name rows by index, so they hold only for the layout they were found in. */
type Failure = { message: string; issues: ErrorIssue[]; layout: string };

/**
 * Creates or edits a flow of one collection as a form: no scripting, no JSON.
 * Main validates on save; its issues are shown beside the fields and the
 * form keeps what the user typed. Mount it again (a React key) to edit
 * another flow.
 */
export function FlowEditor({ collectionId, flow, onSaved, onCancel }: Props): JSX.Element {
  const api = useApi();
  const facts = useCollectionFacts(collectionId);
  const [draft, setDraft] = useState<FlowDraft>(() => draftFromFlow(flow));
  // What "unchanged" means: the draft as opened, or as last saved.
  const [baseline, setBaseline] = useState(() => JSON.stringify(draft));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const listId = useId();
  const lists: NameLists = { variable: `${listId}-variables`, secret: `${listId}-secrets`, environment: `${listId}-environment` };

  const layout = layoutOf(draft);
  const current = failure && failure.layout === layout ? failure : null;
  const issues = current ? indexIssues(current.issues) : NO_ISSUES;
  const shown = shownPaths(draft);
  const unplaced = current ? current.issues.filter((issue) => !shown.has(issue.path)) : [];
  const dirty = JSON.stringify(draft) !== baseline;

  const set = (change: Partial<FlowDraft>) => setDraft((before) => ({ ...before, ...change }));
  const setSteps = (steps: StepDraft[]) => set({ steps });
  const updateStep = (index: number, step: StepDraft) => setSteps(draft.steps.map((existing, at) => (at === index ? step : existing)));

  const save = async () => {
    const { flow: candidate, issues: found } = flowFromDraft(draft);
    if (found.length > 0) {
      setFailure({ message: 'Some fields need a value before the flow can be saved.', issues: found, layout });
      return;
    }
    setBusy(true);
    try {
      const saved = await api.invoke['flows:save']({ collectionId, flow: candidate });
      setFailure(null);
      setBaseline(JSON.stringify(draft));
      onSaved(saved);
    } catch (reason) {
      setFailure({ message: errorMessage(reason), issues: reason instanceof ApiError ? (reason.issues ?? []) : [], layout });
    } finally {
      setBusy(false);
    }
  };

  const variableNames = new Set([
    ...draft.variables.map((variable) => variable.name.trim()),
    ...draft.steps.flatMap((step) => step.captures.filter((capture) => capture.target.to === 'variable').map((capture) => capture.target.name.trim())),
  ]);
  variableNames.delete('');

  return (
    <form
      className="fe"
      aria-label={flow ? 'Edit flow' : 'New flow'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{flow ? `Edit flow “${flow.name}”` : 'New flow'}</h3>
      <ErrorNote error={facts.error} />

      <div className="fe-fields">
        <span className="fe-label">Name</span>
        <span>
          <input
            aria-label="Flow name"
            aria-invalid={issues.at('flow.name').length > 0 || undefined}
            placeholder="e.g. Download report"
            value={draft.name}
            onChange={(event) => set({ name: event.target.value })}
          />
          <FieldIssues messages={issues.at('flow.name')} />
        </span>
        <span className="fe-label">Description</span>
        <span>
          <textarea aria-label="Description" rows={2} value={draft.description} onChange={(event) => set({ description: event.target.value })} />
          <FieldIssues messages={issues.at('flow.description')} />
        </span>
      </div>

      <h4>Variables</h4>
      <VariablesEditor variables={draft.variables} issues={issues} onChange={(variables) => set({ variables })} />

      <h4>Steps</h4>
      {draft.steps.length === 0 && <p className="hint">No steps yet: add a request step, or a step that waits for a callback.</p>}
      <FieldIssues messages={issues.at('flow.steps')} />
      <ol className="fe-steps">
        {draft.steps.map((step, index) => (
          <li key={step.id}>
            <StepEditor
              step={step}
              index={index}
              count={draft.steps.length}
              requests={facts.requests}
              issues={issues}
              lists={lists}
              onChange={(next) => updateStep(index, next)}
              onMove={(by) => setSteps(moveItem(draft.steps, index, by))}
              onRemove={() => setSteps(draft.steps.filter((_, at) => at !== index))}
            />
          </li>
        ))}
      </ol>
      <div className="fe-row">
        <button type="button" onClick={() => setSteps([...draft.steps, newRequestStep()])}>
          + Add request step
        </button>
        <button type="button" onClick={() => setSteps([...draft.steps, newCallbackStep()])}>
          + Add wait-for-callback step
        </button>
      </div>

      <datalist id={lists.variable}>
        {[...variableNames].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={lists.secret}>
        {facts.secretNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={lists.environment}>
        {facts.environmentVariables.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>

      <div className="fe-actions">
        {failure && (
          <div role="alert" className="error" data-testid="flow-save-error">
            <p>{summary(failure, current, new Set(unplaced.map((issue) => issue.path)).size)}</p>
            {unplaced.length > 0 && (
              <ul>
                {unplaced.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>{issue.path ? `${describePath(issue.path)}: ${issue.message}` : issue.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save flow'}
        </button>
        <button type="button" onClick={() => (dirty ? setConfirmingCancel(true) : onCancel())}>
          Cancel
        </button>
      </div>

      {confirmingCancel && (
        <ConfirmDialog
          title="Discard your changes?"
          message="The flow keeps what was last saved; what you changed here is lost."
          confirmLabel="Discard changes"
          danger
          onConfirm={() => {
            setConfirmingCancel(false);
            onCancel();
          }}
          onCancel={() => setConfirmingCancel(false)}
        />
      )}
    </form>
  );
}

function summary(failure: Failure, current: Failure | null, unplaced: number): string {
  if (failure.issues.length === 0) return `Not saved: ${failure.message}`;
  if (!current) return 'Not saved. Rows have moved since, so the marks are gone: save again to check the form.';
  // Counted by field: one field can break two rules.
  const marked = new Set(current.issues.map((issue) => issue.path)).size - unplaced;
  if (marked <= 0) return 'Not saved:';
  return `Not saved: ${marked === 1 ? 'one field needs' : `${String(marked)} fields need`} attention (marked above).`;
}
