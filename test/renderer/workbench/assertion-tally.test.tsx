import { describe, expect, it } from 'vitest';
import { assertionTally as cliTally } from '../../../main/cli/assertion-report.ts';
import type { AssertionResult } from '../../../main/contract/assertions.ts';
import { assertionTally } from '../../../renderer/src/pages/workbench/assertions/assertion-tally.ts';

// The renderer may not import main's runtime code, so the two tallies are two functions: this keeps their words one.
const result = (passed: boolean, label: string): AssertionResult => ({ index: 0, kind: 'status', label, passed, actual: null, message: label });
const CASES: [AssertionResult[], string][] = [
  [[result(true, 'status is 200')], '1 assertion passed'],
  [[result(true, 'status is 200'), result(true, 'body.ok')], '2 assertions passed'],
  [[result(true, 'status is 200'), result(false, 'body.ok')], '1 of 2 assertions failed'],
  [[result(false, 'status is 200'), result(false, 'body.ok'), result(true, 'header')], '2 of 3 assertions failed'],
];

describe('assertion tally', () => {
  it('the workbench and History say it as the CLI does', () => {
    for (const [results, words] of CASES) {
      expect(assertionTally(results)).toBe(words);
      expect(cliTally(results)).toBe(words);
    }
  });
});
