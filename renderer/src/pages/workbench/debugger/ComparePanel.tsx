import { useEffect, useId, useState } from 'react';
import type { DiagnosisSource } from '../../../../../main/contract/diagnosis.ts';
import { ErrorNote } from '../../../components/ErrorNote.tsx';
import { DiagnosisView } from './DiagnosisView.tsx';
import { PASTE_KINDS, expectedFrom, guessPasteKind, pasteKindInfo, type PasteKind } from './paste-kind.ts';
import { useDiagnosis } from './use-diagnosis.ts';
import { VariantsView } from './VariantsView.tsx';

type Props = {
  /** What Compare checks: a History entry (re-derived exactly) or a fresh signature; null when there is nothing yet. */
  source: DiagnosisSource | null;
  /** The source in words, e.g. "this send, as recorded in History". */
  sourceText: string;
  /** Offered when the source is an entry picked in History: go back to the send in view. */
  onUseCurrent?: (() => void) | undefined;
  /** Open from the start, e.g. right after a send the gateway refused. */
  defaultOpen?: boolean;
};

/** Paste what the gateway expected; get the most likely cause in one sentence, then the diff, or every variant tried. */
export function ComparePanel({ source, sourceText, onUseCurrent, defaultOpen = false }: Props) {
  const diagnosis = useDiagnosis();
  const [kind, setKind] = useState<PasteKind>('baseString');
  const [chosen, setChosen] = useState(false);
  const [text, setText] = useState('');
  const [serverDate, setServerDate] = useState('');
  const ids = useId();
  const sourceKey = source ? JSON.stringify(source) : '';
  const { reset } = diagnosis;
  // A result belongs to the source it was asked about; another source starts clean (the paste is kept).
  useEffect(() => reset(), [sourceKey, reset]);

  const current = pasteKindInfo(kind);
  // A recorded send can be checked with nothing pasted (its clock against the gateway's Date); a fresh signature needs a paste.
  const recorded = source !== null && 'historyId' in source;
  const ready = source !== null && diagnosis.busy === null && (recorded || text.trim() !== '');
  const input = () => (source ? { source, expected: expectedFrom(kind, text, serverDate) } : null);
  const explain = () => {
    const next = input();
    if (next) diagnosis.explain(next);
  };
  const variants = () => {
    const next = input();
    if (next) diagnosis.tryVariants(next);
  };

  return (
    <details className="wb-compare" open={defaultOpen || undefined}>
      <summary>Compare with what the gateway expected</summary>
      <form
        className="dbg-compare-form"
        aria-label="Compare with what the gateway expected"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) explain();
        }}
      >
        <p className="hint" data-testid="compare-source">
          Compares with {sourceText}.
          {onUseCurrent && (
            <>
              {' '}
              <button type="button" className="link" onClick={onUseCurrent}>
                Use this tab’s send instead
              </button>
            </>
          )}
        </p>
        <label htmlFor={`${ids}-kind`}>What you pasted</label>
        <select
          id={`${ids}-kind`}
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as PasteKind);
            setChosen(true);
          }}
        >
          {PASTE_KINDS.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-text`}>{current.label}</label>
        <textarea
          id={`${ids}-text`}
          aria-describedby={`${ids}-hint`}
          rows={kind === 'rawRequest' ? 8 : 3}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            // Preselect the field that fits the paste until the user picks one.
            const guess = chosen ? null : guessPasteKind(event.target.value);
            if (guess) setKind(guess);
          }}
        />
        <p id={`${ids}-hint`} className="hint">
          {current.hint}
        </p>
        <label htmlFor={`${ids}-date`}>Server Date (optional)</label>
        <input id={`${ids}-date`} aria-describedby={`${ids}-date-hint`} value={serverDate} onChange={(event) => setServerDate(event.target.value)} placeholder="e.g. Thu, 03 Dec 2026 12:03:04 GMT" />
        <p id={`${ids}-date-hint`} className="hint">
          From the gateway’s answer; the Date header recorded with the send is used when this is empty.
        </p>
        {recorded && text.trim() === '' && <p className="hint">With nothing pasted, Compare checks this send’s timestamp against the gateway’s clock.</p>}
        <div className="dbg-actions">
          <button type="submit" disabled={!ready}>
            Compare
          </button>
          <button type="button" disabled={!ready || text.trim() === ''} onClick={variants}>
            Try the variants
          </button>
        </div>
        {source === null && <p className="hint">Send the request, or sign it without sending, to have something to compare.</p>}
      </form>
      <ErrorNote error={diagnosis.error} />
      <div role="status" aria-live="polite" className="dbg-result" data-testid="diagnosis-result">
        {diagnosis.busy === 'explain' && <p>Comparing…</p>}
        {diagnosis.busy === 'variants' && <p>Trying the variants…</p>}
        {diagnosis.result?.kind === 'explain' && <DiagnosisView report={diagnosis.result.report} />}
        {diagnosis.result?.kind === 'variants' && <VariantsView report={diagnosis.result.report} />}
      </div>
    </details>
  );
}
