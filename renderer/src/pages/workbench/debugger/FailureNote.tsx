import type { ExchangeFailure } from '../../../../../main/contract/exchanges.ts';
import { CATEGORY_LABEL } from './failure-text.ts';

/** Why a send failed: its category, then the plain-words cause and, folded, the underlying message. */
export function FailureNote({ failure, where, announce = false }: { failure: ExchangeFailure; where?: string | undefined; announce?: boolean }) {
  return (
    <div role={announce ? 'alert' : undefined} className="dbg-failure" data-testid="failure-note" data-category={failure.category}>
      <p>
        <span className="dbg-category">{CATEGORY_LABEL[failure.category]}</span> <span data-testid="failure-cause">{failure.cause}</span>
        {where && <span className="hint"> ({where})</span>}
      </p>
      {failure.detail && (
        <details>
          <summary>Details</summary>
          <pre className="dbg-pre">{failure.detail}</pre>
        </details>
      )}
    </div>
  );
}
