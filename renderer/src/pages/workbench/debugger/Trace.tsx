import type { SchemeTrace } from '../../../../../main/contract/auth.ts';

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
