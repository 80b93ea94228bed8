import { Dialog } from '../../components/Dialog.tsx';

type Props = {
  /** The environment the earlier run used (a re-run from a step keeps it). */
  runEnvironment: string;
  /** The environment selected in the runner now. */
  selectedEnvironment: string;
  fromStep: number;
  onRerunInRunEnvironment: () => void;
  onRunFromStart: () => void;
  onCancel: () => void;
};

/**
 * "Re-run from this step" while another environment is selected: a re-run
 * continues the earlier run with its variables, so it keeps that run's
 * environment. Asked, never done silently: the user picks one or the other.
 */
export function RerunEnvironmentDialog({ runEnvironment, selectedEnvironment, fromStep, onRerunInRunEnvironment, onRunFromStart, onCancel }: Props) {
  return (
    <Dialog title="Which environment?" onClose={onCancel}>
      <div className="dialog-body">
        <p>
          That run used <strong>{runEnvironment}</strong>, but <strong>{selectedEnvironment}</strong> is selected now.
        </p>
        <p>
          A re-run from step {fromStep + 1} continues that run with its variables, so it can only run in {runEnvironment}. To use {selectedEnvironment}, run the flow
          from the start.
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" onClick={onRerunInRunEnvironment}>
          Re-run from step {fromStep + 1} in {runEnvironment}
        </button>
        <button type="button" className="primary" onClick={onRunFromStart}>
          Run from the start in {selectedEnvironment}
        </button>
      </div>
    </Dialog>
  );
}
