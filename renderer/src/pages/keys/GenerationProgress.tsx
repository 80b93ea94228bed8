import { formatElapsed } from './format.ts';
import type { RunningGeneration } from './use-key-generation.ts';

/** Busy state of a running generation with its Cancel button. Prime search has no percentage, so the bar is indeterminate. */
export function GenerationProgress({ running, onCancel }: { running: RunningGeneration; onCancel: () => void }) {
  return (
    <div className="keygen-progress" role="status" data-testid="keygen-progress">
      <progress aria-label={`Generating a ${running.bits}-bit key`} />
      <span>
        {running.cancelling ? 'Cancelling…' : `Generating a ${running.bits}-bit key…`} {formatElapsed(running.elapsedMs)}
      </span>
      <button type="button" onClick={onCancel} disabled={running.cancelling}>
        Cancel generation
      </button>
    </div>
  );
}
