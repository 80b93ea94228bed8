import type { VariantsReport } from '../../../../../main/contract/diagnosis.ts';

/** Every variant of the scheme that was computed, the one giving the gateway's value marked. */
export function VariantsView({ report }: { report: VariantsReport }) {
  return (
    <div className="dbg-variants" data-testid="variants">
      <p className="dbg-sentence" data-testid="variants-sentence">
        {report.sentence}
      </p>
      <p className="hint">
        {report.subject} · {report.scheme} · expected <code>{report.expected}</code>
      </p>
      {report.warnings.map((warning, index) => (
        <p key={index} className="warn">
          {warning}
        </p>
      ))}
      <ol className="dbg-variant-list" aria-label="Variants tried">
        {report.variants.map((variant) => (
          <li key={variant.id} className={variant.matches ? 'dbg-variant match' : 'dbg-variant'} data-testid="variant" data-variant={variant.id} data-matches={variant.matches}>
            <p>
              {variant.matches ? <strong className="wb-compare-ok">✓ Matches: </strong> : <span className="hint">✗ </span>}
              {variant.description}
            </p>
            <p className="hint">Key: {variant.key}</p>
            <details>
              <summary>String signed and signature</summary>
              <pre className="dbg-pre">{variant.stringToSign}</pre>
              <p>
                hex <code className="dbg-break">{variant.signatureHex}</code>
              </p>
              <p>
                base64 <code className="dbg-break">{variant.signatureBase64}</code>
              </p>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
