import type { AssertionResult } from '../../../../../main/contract/assertions.ts';
import { assertionTally } from './assertion-tally.ts';

/** After a send, or a send reopened from History: each assertion, passed or failed, with what was found. Nothing when the request has none. */
export function AssertionResults({ results }: { results: readonly AssertionResult[] | undefined }) {
  if (!results || results.length === 0) return null;
  const failed = results.filter((result) => !result.passed).length;
  return (
    <details className="wb-assertions" open={failed > 0} data-testid="assertion-results">
      <summary>
        <span className={`wb-status ${failed > 0 ? 'fail' : 'ok'}`} data-testid="assertion-summary">
          {assertionTally(results)}
        </span>
      </summary>
      <ul>
        {results.map((result) => (
          <li key={result.index} data-testid="assertion-result" data-passed={result.passed}>
            <span aria-label={result.passed ? 'passed' : 'failed'}>{result.passed ? '✓' : '✗'}</span> <code>{result.label}</code>
            {!result.passed && <span className="error"> {result.message}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
