import type { AssertionResult } from '../contract/assertions.ts';
import type { SendResult } from '../contract/requests.ts';
import { EXIT } from './exit-codes.ts';
import { exitCodeForOutcome } from './outcome.ts';

/**
 * A send's exit code once its assertions count: a failed assertion exits 7
 * (EXIT.assertions). A request that asserts its status decides for itself
 * which status is right (a test that expects a 401 passes on a 401); without
 * a status assertion, a status outside 2xx still exits 3.
 */
export function exitCodeForSend(result: Pick<SendResult, 'outcome' | 'assertions'>): number {
  const base = exitCodeForOutcome(result.outcome);
  const assertions = result.assertions ?? [];
  if (assertions.length === 0 || !result.outcome.ok) return base;
  const failed = assertions.some((assertion) => !assertion.passed);
  const statusAsserted = assertions.some((assertion) => assertion.kind === 'status');
  if (base === EXIT.httpStatus && !statusAsserted) return base;
  return failed ? EXIT.assertions : EXIT.ok;
}

/** One line per assertion for a person: "  ok   status is 200" / "  FAIL $.status equals OK: $.status is PENDING, expected OK." */
export function assertionLines(results: readonly AssertionResult[]): string {
  return results.map((result) => (result.passed ? `  ok   ${result.label}\n` : `  FAIL ${result.label}: ${result.message}\n`)).join('');
}

/** "2 of 5 assertions failed: …", or null when all passed. */
export function assertionFailureSummary(results: readonly AssertionResult[]): string | null {
  const failed = results.filter((result) => !result.passed);
  if (failed.length === 0) return null;
  return `${String(failed.length)} of ${String(results.length)} assertions failed: ${failed.map((result) => result.label).join('; ')}`;
}

/** "3 assertions passed" or "1 of 3 assertions failed" (History's wording; the run summaries add the failed labels). */
export function assertionTally(results: readonly AssertionResult[]): string {
  const failed = results.filter((result) => !result.passed).length;
  if (failed > 0) return `${String(failed)} of ${String(results.length)} assertions failed`;
  return `${String(results.length)} assertion${results.length === 1 ? '' : 's'} passed`;
}
