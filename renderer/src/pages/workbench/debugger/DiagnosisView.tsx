import type { DiagnosisReport } from '../../../../../main/contract/diagnosis.ts';
import { CompareDiff } from './CompareDiff.tsx';
import { SecretRefText } from './SecretRefText.tsx';

/** The diagnosis first (one sentence, then its evidence), then the keys tried, then the diff. */
export function DiagnosisView({ report }: { report: DiagnosisReport }) {
  return (
    <div className="dbg-diagnosis" data-testid="diagnosis" data-cause={report.cause}>
      <p className="dbg-sentence" data-testid="diagnosis-sentence">
        {report.sentence}
      </p>
      {report.evidence.length > 0 && (
        <ul className="dbg-evidence" aria-label="Evidence">
          {report.evidence.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      <p className="hint">
        {report.subject} · {report.scheme}
        {report.reDerived ? ' · re-derived with the same timestamp, nonce and values' : ''}
      </p>
      {report.warnings.map((warning, index) => (
        <p key={index} className="warn">
          {warning}
        </p>
      ))}
      {report.keysTried.length > 0 && (
        <details>
          <summary>Keys tried ({report.keysTried.length})</summary>
          <ul className="dbg-keys" aria-label="Keys tried">
            {report.keysTried.map((key, index) => (
              <li key={index} data-matches={key.matches}>
                {key.matches ? '✓ matches: ' : '✗ '}
                {key.description}
                {key.secret && (
                  <>
                    {' — '}
                    <SecretRefText secret={key.secret} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.secrets.length > 0 && (
        <ul className="dbg-keys" aria-label="Secrets this signature used">
          {report.secrets.map((secret, index) => (
            <li key={index}>
              <SecretRefText secret={secret} />
              {secret.changedSince === true && <strong className="warn"> — changed in the vault since this send</strong>}
            </li>
          ))}
        </ul>
      )}
      <CompareDiff report={report.compare} verdict={report.cause === 'match'} />
    </div>
  );
}
