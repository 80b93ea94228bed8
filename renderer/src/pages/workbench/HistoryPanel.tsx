import { useState } from 'react';
import type { HistoryEntry } from '../../../../main/contract/history.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatBytes } from '../../format/bytes.ts';
import type { HistoryView } from './use-history.ts';
import { usePickCompareTarget } from './debugger/compare-target.ts';
import { ExchangeList } from './debugger/ExchangeList.tsx';
import { AssertionMark } from './assertions/AssertionMark.tsx';
import { historyOutcomeText as outcomeText, historyTimeText as timeText } from './history-format.ts';

type Props = {
  history: HistoryView;
  /** Opens the request the entry came from, with that send's environment; returns why it cannot, or null. */
  onReopen: (entry: HistoryEntry) => string | null;
};

const hasExchanges = (entry: HistoryEntry) => entry.exchanges?.some((exchange) => exchange.sent) === true;

/** Every send, newest first: environment, time, status, whether its assertions held, duration and what was sent with its secrets replaced. */
export function HistoryPanel({ history, onReopen }: Props) {
  const [confirming, setConfirming] = useState(false);
  const pickCompareTarget = usePickCompareTarget();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section className="wb-history" aria-label="History">
      <header className="wb-history-head">
        <h3>History</h3>
        <button type="button" disabled={history.entries.length === 0} onClick={() => setConfirming(true)}>
          Clear history
        </button>
      </header>
      <ErrorNote error={history.error ?? problem} />
      {history.entries.length === 0 ? (
        <p className="empty" data-testid="history-empty">
          No sends yet. Every request you send is listed here, with its secrets replaced.
        </p>
      ) : (
        <ol className="wb-history-list">
          {history.entries.map((entry) => (
            <li key={entry.id} data-testid="history-entry" data-request-id={entry.requestId}>
              <div className="wb-history-row">
                <time dateTime={new Date(entry.at).toISOString()}>{timeText(entry)}</time>
                <span className="wb-history-method">{entry.method}</span>
                <span className="wb-history-name">{entry.requestName}</span>
                <span className={`wb-history-env${entry.environment.protected ? ' tone-protected' : ''}`} data-testid="history-environment">
                  {entry.environment.name}
                </span>
                <span className={`wb-history-status ${entry.status !== null && entry.status < 400 ? 'wb-history-ok' : 'wb-history-bad'}`} data-testid="history-status">
                  {outcomeText(entry)}
                </span>
                <AssertionMark results={entry.assertions} />
                <span className="wb-history-duration" data-testid="history-duration">
                  {Math.round(entry.durationMs)} ms
                </span>
                <span className="wb-history-bytes">{formatBytes(entry.bytes)}</span>
                <button type="button" className="wb-history-reopen" onClick={() => setProblem(onReopen(entry))} aria-label={`Reopen ${entry.requestName} (${entry.environment.name})`}>
                  Reopen
                </button>
                {entry.signatureInputs && (
                  <button
                    type="button"
                    className="wb-history-compare"
                    aria-label={`Compare the send of ${entry.requestName} at ${timeText(entry)}`}
                    onClick={() => {
                      const problem = onReopen(entry);
                      setProblem(problem);
                      if (problem === null) pickCompareTarget({ historyId: entry.id, label: `${entry.requestName} at ${timeText(entry)}` });
                    }}
                  >
                    Compare
                  </button>
                )}
              </div>
              {entry.failure && (
                <p className="hint" data-testid="history-cause">
                  {entry.failure.cause}
                </p>
              )}
              <details>
                <summary>What was sent</summary>
                {entry.errorMessage && !entry.failure && <p className="warn">{entry.errorMessage}</p>}
                {entry.summary ? (
                  <pre className="wb-history-summary" data-testid="history-summary">
                    {[`${entry.summary.method} ${entry.summary.url}`, ...entry.summary.headers.map((h) => `${h.name}: ${h.value}`), entry.summary.bodyPreview && `\n${entry.summary.bodyPreview}`]
                      .filter(Boolean)
                      .join('\n')}
                  </pre>
                ) : (
                  !hasExchanges(entry) && <p className="hint">Nothing was sent: it failed before anything went out.</p>
                )}
                {/* A token request came first, or something failed: every round trip, each with its answer and cause. */}
                {hasExchanges(entry) && (entry.failure || entry.exchanges?.some((exchange) => exchange.role === 'token')) && (
                  <ExchangeList exchanges={entry.exchanges ?? []} showTraces={false} label={`Exchanges of ${entry.requestName} at ${timeText(entry)}`} />
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
      {confirming && (
        <ConfirmDialog
          title="Clear history?"
          message={`All ${String(history.entries.length)} shown sends will be removed from History. This cannot be undone.`}
          confirmLabel="Clear history"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void history.clear();
          }}
        />
      )}
    </section>
  );
}
