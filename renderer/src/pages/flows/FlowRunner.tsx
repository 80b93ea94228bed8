import { useState } from 'react';
import type { FlowView } from '../../../../main/contract/flows.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { defaultEnvironment, environmentTone } from './format.ts';
import { FlowGuard } from './FlowGuard.tsx';
import { RerunEnvironmentDialog } from './RerunEnvironmentDialog.tsx';
import { RunView } from './RunView.tsx';
import { useFlowRun, type RunStart } from './use-flow-run.ts';
import { VariablesForm } from './VariablesForm.tsx';

type Pending = { input: RunStart; environment: string; fromStep: number | null };

/** The selected flow: where it runs, its starting variables, Run and Cancel, and the latest run live. */
export function FlowRunner({ view }: { view: FlowView }) {
  const { flow, collectionId } = view;
  const runs = useFlowRun(collectionId, flow);
  const [environmentId, setEnvironmentId] = useState(() => defaultEnvironment(view.environments)?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  // A re-run asked for while another environment than the run's is selected.
  const [mismatch, setMismatch] = useState<number | null>(null);
  const environment = view.environments.find((candidate) => candidate.id === environmentId) ?? defaultEnvironment(view.environments);
  const { run } = runs;
  const busy = runs.starting || run?.status === 'running';

  // Only values the user changed go to main; the rest stay templates main resolves ({{$uuid}}, {{$inboxUrl}}).
  const changed = Object.fromEntries(
    flow.variables.flatMap((variable) => {
      const value = values[variable.name];
      return value !== undefined && value !== variable.value ? [[variable.name, value]] : [];
    }),
  );

  const go = (input: RunStart, target: { name: string; protected: boolean }, fromStep: number | null) => {
    if (target.protected) setPending({ input: { ...input, confirmProtected: true }, environment: target.name, fromStep });
    else runs.start(input);
  };

  const runFromStart = () => {
    if (!environment || busy) return;
    go({ collectionId, flowId: flow.id, environmentId: environment.id, ...(Object.keys(changed).length > 0 ? { variables: changed } : {}) }, environment, null);
  };

  // A re-run keeps the earlier run's environment and the variables it had before that step (main refuses another).
  const rerunInRunEnvironment = (fromStep: number) => {
    if (!run || busy) return;
    go({ collectionId, flowId: flow.id, environmentId: run.environment.id, rerun: { runId: run.runId, fromStep } }, run.environment, fromStep);
  };
  // With another environment selected now, the user is asked which one they meant, never switched silently.
  const rerun = (fromStep: number) => {
    if (!run || busy) return;
    if (environment && environment.id !== run.environment.id) setMismatch(fromStep);
    else rerunInRunEnvironment(fromStep);
  };

  const missing = flow.steps.filter((step) => step.kind === 'request' && !(step.requestId in view.requests));

  return (
    <div className="fl-runner">
      {flow.description && <p className="lead fl-description">{flow.description}</p>}
      {missing.length > 0 && (
        <p className="warn">
          {missing.length === 1 ? 'A step names a request' : `${String(missing.length)} steps name requests`} that no longer exist{missing.length === 1 ? 's' : ''}: edit
          the flow before running it.
        </p>
      )}
      <div className="fl-envbar">
        <span className="wb-envbar-label">Environment</span>
        {view.environments.length === 0 ? (
          <span className="warn">{view.collectionName} has no environments yet: add one in the Workbench.</span>
        ) : (
          <div role="radiogroup" aria-label="Environment" className="wb-env-choices">
            {view.environments.map((candidate) => (
              <button
                key={candidate.id}
                type="button"
                role="radio"
                aria-checked={candidate.id === environment?.id}
                className={`wb-env tone-${environmentTone(candidate)}`}
                disabled={busy}
                onClick={() => setEnvironmentId(candidate.id)}
              >
                {candidate.name}
                {candidate.protected && ' (protected)'}
              </button>
            ))}
          </div>
        )}
        {environment?.protected && <strong className="wb-protected-badge">{environment.name.toUpperCase()} · protected: a run asks first</strong>}
      </div>
      <VariablesForm variables={flow.variables} values={values} disabled={busy} onChange={(name, value) => setValues((current) => ({ ...current, [name]: value }))} />
      <div className="fl-actions">
        <button type="button" className="primary" disabled={busy || !environment} onClick={runFromStart}>
          {runs.starting ? 'Starting…' : 'Run'}
        </button>
        {run?.status === 'running' && (
          <button type="button" className="danger" onClick={runs.cancel}>
            Cancel run
          </button>
        )}
      </div>
      <ErrorNote error={runs.error} />
      {run && runs.fromEarlierVersion && (
        <p className="warn" role="note" data-testid="run-earlier-version">
          This run is of an earlier version of {flow.name}: the flow was edited since. Its results stay here for reference; Run runs the flow as it is now.
        </p>
      )}
      {run ? (
        // An earlier version's steps may not be this version's: no re-run from one of them.
        <RunView key={run.runId} run={run} progress={runs.progress} onCancel={runs.cancel} onRerun={runs.fromEarlierVersion ? undefined : rerun} />
      ) : (
        <section aria-label="Steps" className="fl-plan">
          <h4>Steps</h4>
          <ol className="fl-steps">
            {flow.steps.map((step, index) => {
              const request = step.kind === 'request' ? view.requests[step.requestId] : undefined;
              return (
                <li key={step.id} className="fl-step" data-testid="flow-plan-step">
                  <div className="fl-step-head">
                    <span className="fl-step-number" aria-hidden="true">
                      {index + 1}
                    </span>
                    <strong className="fl-step-name">{step.name || (step.kind === 'callback' ? 'Wait for a callback' : (request?.name ?? 'A deleted request'))}</strong>
                    {step.kind === 'request' ? (
                      request ? (
                        <span className="hint">
                          <code>{request.method}</code> {request.name}
                          {step.poll && ' · polls'}
                          {step.saveToFile && ' · saves to a file'}
                        </span>
                      ) : (
                        <span className="warn">its request was deleted</span>
                      )
                    ) : (
                      <span className="hint">waits up to {step.timeoutSeconds} s for a callback</span>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {mismatch !== null && run && environment && (
        <RerunEnvironmentDialog
          runEnvironment={run.environment.name}
          selectedEnvironment={environment.name}
          fromStep={mismatch}
          onCancel={() => setMismatch(null)}
          onRerunInRunEnvironment={() => {
            setMismatch(null);
            rerunInRunEnvironment(mismatch);
          }}
          onRunFromStart={() => {
            setMismatch(null);
            runFromStart();
          }}
        />
      )}
      {pending && (
        <FlowGuard
          environment={pending.environment}
          flowName={flow.name}
          fromStep={pending.fromStep}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            setPending(null);
            runs.start(pending.input);
          }}
        />
      )}
    </div>
  );
}
