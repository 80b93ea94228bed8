import type { AssertionResult } from '../../../../../main/contract/assertions.ts';
import { assertionTally } from './assertion-tally.ts';

/** A History row's pass/fail mark for its send's assertions: an empty cell when it had none (the row's grid keeps its columns). */
export function AssertionMark({ results }: { results: readonly AssertionResult[] | undefined }) {
  if (!results || results.length === 0) return <span className="wb-history-assert" data-testid="history-assertions" />;
  const failed = results.filter((result) => !result.passed).length;
  const tally = assertionTally(results);
  return (
    <span className={`wb-history-assert ${failed > 0 ? 'wb-history-bad' : 'wb-history-ok'}`} data-testid="history-assertions" data-passed={failed === 0} title={tally}>
      <span aria-hidden="true">{failed > 0 ? `✗ ${String(failed)} failed` : `✓ ${String(results.length)} passed`}</span>
      <span className="visually-hidden">{tally}</span>
    </span>
  );
}
