import { useState } from 'react';
import type { FlowRunState } from '../../../../main/contract/flows.ts';
import type { HttpProgress } from '../../../../main/contract/http.ts';
import { formatDuration } from './format.ts';
import { StepDetailView } from './StepDetailView.tsx';
import { StepRow, stepRan } from './StepRow.tsx';

const RUN_LABEL: Record<FlowRunState['status'], string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

type Props = {
  run: FlowRunState;
  progress: HttpProgress | null;
  onCancel: () => void;
  /** Absent: re-running from a step is not offered (the run is of an earlier version of the flow). */
  onRerun?: ((fromStep: number) => void) | undefined;
};

/** A run, live: its overall status, each step, the flow's variables now, and the detail of one step. */
export function RunView({ run, progress, onCancel, onRerun }: Props) {
  const [selected, setSelected] = useState<number | null>(null);
  const over = run.status !== 'running';
  const selectedStep = selected === null ? undefined : run.steps[selected];
  const elapsed = run.finishedAt === null ? null : run.finishedAt - run.startedAt;
  return (
    <section className="fl-run" aria-label="Run" data-testid="flow-run" data-status={run.status}>
      <header className={`fl-run-head status-${run.status}`}>
        <p role="status" className="fl-run-status">
          <strong data-testid="run-status">{RUN_LABEL[run.status]}</strong> in {run.environment.name}
          {elapsed !== null && <span className="hint"> · {formatDuration(elapsed)}</span>}
        </p>
        {!over && (
          <button type="button" className="danger" onClick={onCancel}>
            Cancel
          </button>
        )}
      </header>
      {run.message && (
        <p className={run.status === 'failed' ? 'fl-run-message error' : 'fl-run-message'} data-testid="run-message">
          {run.message}
        </p>
      )}
      <ol className="fl-steps" aria-label="Steps">
        {run.steps.map((step) => (
          <StepRow
            key={step.index}
            run={run}
            step={step}
            progress={progress}
            selected={selected === step.index}
            onSelect={() => setSelected(selected === step.index ? null : step.index)}
            onRerun={over && onRerun ? () => onRerun(step.index) : undefined}
          />
        ))}
      </ol>
      {selectedStep && stepRan(selectedStep) && <StepDetailView key={selectedStep.index} run={run} step={selectedStep} onClose={() => setSelected(null)} />}
      <section className="fl-run-variables" aria-label="Run variables">
        <h4>Variables</h4>
        {run.variables.length === 0 ? (
          <p className="empty">No flow variables yet.</p>
        ) : (
          <dl className="facts" data-testid="run-variables">
            {run.variables.map((variable) => (
              <div className="fact-row" key={variable.name}>
                <dt>{variable.name}</dt>
                <dd>
                  <code>{variable.value}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </section>
  );
}
