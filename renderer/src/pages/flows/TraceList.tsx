import type { SchemeTrace } from '../../../../main/contract/auth.ts';

/**
 * The signing trace of a step, laid out as the workbench's signature
 * debugger lays out its own (same classes): one block per scheme, each
 * step's label and value, secrets already placeholders.
 */
export function TraceList({ traces }: { traces: readonly SchemeTrace[] }) {
  if (traces.length === 0) return <p className="empty">This request has no auth, so nothing was signed.</p>;
  return (
    <>
      {traces.map((trace, index) => (
        <div className="wb-trace" data-testid="signature-trace" key={index}>
          <h4>{trace.scheme}</h4>
          <ol>
            {trace.steps.map((step, stepIndex) => (
              <li key={stepIndex}>
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
      ))}
    </>
  );
}
