import type { HistoryEntry } from '../../../../main/contract/history.ts';
import { AssertionResults } from './assertions/AssertionResults.tsx';
import { historyOutcomeText, historyTimeText } from './history-format.ts';

type Props = { entry: HistoryEntry; onClose: () => void };

/** A send reopened from History, above the request: when and where it went, its outcome, and its assertions as they were checked then. */
export function ReopenedSend({ entry, onClose }: Props) {
  const when = historyTimeText(entry);
  return (
    <section className="wb-reopened" aria-label={`Reopened send of ${when}`} data-testid="reopened-send">
      <div className="wb-reopened-head">
        <p>
          From History: sent at <time dateTime={new Date(entry.at).toISOString()}>{when}</time> to {entry.environment.name}, <span data-testid="reopened-outcome">{historyOutcomeText(entry)}</span>
        </p>
        <button type="button" onClick={onClose} aria-label="Close the reopened send">
          Close
        </button>
      </div>
      {entry.assertions && entry.assertions.length > 0 ? (
        <AssertionResults results={entry.assertions} />
      ) : (
        <p className="hint" data-testid="reopened-no-assertions">
          No assertion results were kept for this send: the request had none then, the send failed before it went out, or it was recorded before History kept them.
        </p>
      )}
    </section>
  );
}
