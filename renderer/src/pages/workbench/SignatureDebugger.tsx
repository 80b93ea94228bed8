import { useState } from 'react';
import type { CompareExpected, CompareReport, SchemeTrace } from '../../../../main/contract/auth.ts';
import type { SendView } from './use-send.ts';

type Props = { send: SendView; onSign: (compare?: CompareExpected) => void; canSign: boolean };

/** The signing trace of the last send or of "Sign without sending", and a comparison with what the gateway expected. */
export function SignatureDebugger({ send, onSign, canSign }: Props) {
  const [signature, setSignature] = useState('');
  const [baseString, setBaseString] = useState('');
  const traces = send.signed?.traces ?? send.result?.traces ?? null;
  const source = send.signed ? 'Sign without sending' : 'last send';
  const compare: CompareExpected = {};
  if (signature.trim()) compare.signature = signature.trim();
  if (baseString.trim()) compare.baseString = baseString;
  return (
    <section className="wb-debugger" aria-label="Signature debugger">
      <header className="wb-debugger-head">
        <h3>Signature debugger</h3>
        <button type="button" disabled={!canSign} onClick={() => onSign()}>
          Sign without sending
        </button>
      </header>
      {traces === null ? (
        <p className="empty">Send the request, or sign it without sending, to see each step of its signature.</p>
      ) : traces.length === 0 ? (
        <p className="empty">This request has no auth, so nothing was signed.</p>
      ) : (
        <>
          <p className="hint">From the {source}. Secrets are shown as placeholders.</p>
          {traces.map((trace, index) => (
            <Trace key={index} trace={trace} />
          ))}
        </>
      )}
      <details className="wb-compare">
        <summary>Compare with what the gateway expected</summary>
        <label className="form">
          Expected signature
          <input aria-label="Expected signature" value={signature} onChange={(event) => setSignature(event.target.value)} />
        </label>
        <label className="form">
          Expected base string
          <textarea aria-label="Expected base string" rows={3} value={baseString} onChange={(event) => setBaseString(event.target.value)} />
        </label>
        <button type="button" disabled={!canSign || (!compare.signature && !compare.baseString)} onClick={() => onSign(compare)}>
          Compare
        </button>
        {send.signed?.compare && <Report report={send.signed.compare} />}
      </details>
    </section>
  );
}

/** One scheme's trace: each step's label and value (secrets already placeholders), with a copy button. Also used by the flow runner. */
export function Trace({ trace }: { trace: SchemeTrace }) {
  return (
    <div className="wb-trace" data-testid="signature-trace">
      <h4>{trace.scheme}</h4>
      <ol>
        {trace.steps.map((step, index) => (
          <li key={index}>
            <div className="wb-trace-label">
              <strong>{step.label}</strong>
              <button type="button" aria-label={`Copy ${step.label}`} onClick={() => void navigator.clipboard.writeText(step.value)}>
                Copy
              </button>
            </div>
            <pre className="wb-trace-value">{step.value}</pre>
            {step.note && <p className="hint">{step.note}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Report({ report }: { report: CompareReport }) {
  return (
    <div className={report.matches ? 'wb-compare-ok' : 'wb-compare-bad'} data-testid="compare-report">
      <p>
        <strong>{report.matches ? 'Matches.' : 'Differs.'}</strong> {report.summary}
      </p>
      {report.differences.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Component</th>
              <th>Expected</th>
              <th>Ours</th>
            </tr>
          </thead>
          <tbody>
            {report.differences.map((difference, index) => (
              <tr key={index}>
                <td>
                  {difference.component}
                  {difference.hint && <p className="hint">{difference.hint}</p>}
                </td>
                <td>
                  <code>{difference.expected}</code>
                </td>
                <td>
                  <code>{difference.actual}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
