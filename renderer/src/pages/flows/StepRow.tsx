import type { FlowRunState, StepState } from '../../../../main/contract/flows.ts';
import type { HttpProgress } from '../../../../main/contract/http.ts';
import { formatBytes } from '../../format/bytes.ts';
import { SavedFileNote } from '../workbench/SavedFileNote.tsx';
import { VaultProblemNote } from '../vault/VaultProblemNote.tsx';
import { formatDuration } from './format.ts';

const STATUS_LABEL: Record<StepState['status'], string> = {
  pending: 'Pending',
  running: 'Running',
  waiting: 'Waiting',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
};

/** Steps that ran, so their exchange can be shown and a re-run can start from them. */
export function stepRan(step: StepState): boolean {
  return step.status !== 'pending' && step.status !== 'skipped';
}

type Props = {
  run: FlowRunState;
  step: StepState;
  progress: HttpProgress | null;
  selected: boolean;
  onSelect: () => void;
  /** Absent while the run is going. */
  onRerun: (() => void) | undefined;
};

/** One step of a run: live status, attempts, timing, what it captured or saved, and the download in progress. */
export function StepRow({ run, step, progress, selected, onSelect, onRerun }: Props) {
  const live = step.status === 'running' || step.status === 'waiting';
  const download = live && progress && step.sendId === progress.requestId ? progress : null;
  const percent = download?.total ? Math.round((download.bytes / download.total) * 100) : null;
  return (
    <li className={`fl-step status-${step.status}${selected ? ' selected' : ''}`} data-testid="flow-step" data-status={step.status} data-index={step.index}>
      <div className="fl-step-head">
        <span className="fl-step-number" aria-hidden="true">
          {step.index + 1}
        </span>
        <strong className="fl-step-name">{step.name}</strong>
        <span className={`fl-status status-${step.status}`} data-testid="step-status">
          {STATUS_LABEL[step.status]}
        </span>
        {step.kind === 'callback' && <span className="hint">callback</span>}
        {step.attempts > 0 && (
          <span className="hint" data-testid="step-attempts">
            {step.attempts} {step.attempts === 1 ? 'attempt' : 'attempts'}
          </span>
        )}
        {step.httpStatus !== null && <span className="hint">HTTP {step.httpStatus}</span>}
        {step.durationMs !== null && <span className="hint">{formatDuration(step.durationMs)}</span>}
        <span className="fl-step-actions">
          {stepRan(step) && (
            <button type="button" aria-pressed={selected} aria-label={`Details of step ${String(step.index + 1)}: ${step.name}`} onClick={onSelect}>
              Details
            </button>
          )}
          {onRerun && stepRan(step) && (
            <button type="button" onClick={onRerun}>
              {/* The name says which step; the visible words stay short (and are part of the name, as WCAG 2.5.3 asks). */}
              Re-run from <span className="visually-hidden">step {String(step.index + 1)}: {step.name}, from </span>this step
            </button>
          )}
        </span>
      </div>
      {step.message && (
        <p className={step.status === 'failed' ? 'fl-step-message error' : 'fl-step-message'} data-testid="step-message">
          {step.message}
        </p>
      )}
      {step.status === 'failed' && step.vaultProblem && <VaultProblemNote error={step.message} code={step.vaultProblem} showMessage={false} />}
      {download && (
        <div className="fl-progress" data-testid="step-progress">
          <progress max={download.total ?? undefined} value={download.total ? download.bytes : undefined} aria-label={`Download progress of ${step.name}`} />
          <span className="hint">
            {formatBytes(download.bytes)}
            {percent !== null && ` of ${formatBytes(download.total ?? 0)} (${String(percent)}%)`} · {formatBytes(download.rate)}/s
          </span>
        </div>
      )}
      {step.captured.length > 0 && (
        <ul className="fl-captured" aria-label={`Captured by step ${String(step.index + 1)}`}>
          {step.captured.map((captured, index) => (
            <li key={index} data-testid="captured-value">
              <span>{captured.target}</span>:{' '}
              {captured.value === null ? <em className="fl-secret">stored in the {run.environment.name} vault (never shown)</em> : <code>{captured.value}</code>}
            </li>
          ))}
        </ul>
      )}
      {step.saved && <SavedFileNote saved={step.saved} />}
    </li>
  );
}
