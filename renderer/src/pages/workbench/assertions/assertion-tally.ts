import type { AssertionResult } from '../../../../../main/contract/assertions.ts';

/** "2 assertions passed" or "1 of 2 assertions failed": the words of the send's summary, History's mark and the CLI. */
export function assertionTally(results: readonly AssertionResult[]): string {
  const failed = results.filter((result) => !result.passed).length;
  if (failed > 0) return `${String(failed)} of ${String(results.length)} assertions failed`;
  return `${String(results.length)} assertion${results.length === 1 ? '' : 's'} passed`;
}
