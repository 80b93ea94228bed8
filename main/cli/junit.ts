import type { AssertionResult } from '../contract/assertions.ts';
import { writePrivateFile } from '../platform/private-file.ts';
import { EXIT } from './exit-codes.ts';

/** One send in a collection run, as the JUnit report and the summary table see it. */
export type CaseResult = {
  /** "Collection/Folder/Request". */
  path: string;
  iteration: number;
  exitCode: number;
  /** HTTP status, or null when none came back. */
  status: number | null;
  ms: number;
  /** Why it failed; null when it passed. */
  failure: string | null;
  /** The request's evaluated assertions: one more test case each. */
  assertions?: readonly AssertionResult[] | undefined;
};

/**
 * JUnit XML as CI servers read it: one test suite per collection run, one
 * test case per send, a <failure> for every send that did not get a 2xx,
 * and one test case per assertion ("path › label"), failed when it did not
 * hold. A send whose only problem is a failed assertion passes its own case:
 * the assertion's case says what went wrong.
 */
export function junitXml(suiteName: string, results: readonly CaseResult[]): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, result) => sum + result.ms, 0);
  const testcase = (name: string, ms: number, failure: { message: string; type: string } | null) => {
    const open = `    <testcase classname="${xml(suiteName)}" name="${xml(name)}" time="${seconds(ms)}"`;
    if (failure === null) return `${open}/>`;
    return `${open}>\n      <failure message="${xml(failure.message)}" type="${xml(failure.type)}"/>\n    </testcase>`;
  };
  let count = 0;
  let failures = 0;
  const cases = results.flatMap((result) => {
    const name = `${result.path}${result.iteration > 1 ? ` #${result.iteration}` : ''}`;
    const sendFailed = result.failure !== null && result.exitCode !== EXIT.assertions;
    const lines = [testcase(name, result.ms, sendFailed ? { message: result.failure ?? '', type: `exit-${result.exitCode}` } : null)];
    for (const assertion of result.assertions ?? []) {
      lines.push(testcase(`${name} › ${assertion.label}`, 0, assertion.passed ? null : { message: assertion.message, type: 'assertion' }));
      if (!assertion.passed) failures++;
    }
    count += lines.length;
    if (sendFailed) failures++;
    return lines;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${count}" failures="${failures}" time="${seconds(total)}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${count}" failures="${failures}" errors="0" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; markup characters are escaped.
  return text
    // eslint-disable-next-line no-control-regex -- removing the control characters XML forbids is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Writes the report 0600 (failure messages can quote response data). A CI
 * run rewrites the same file each time, so an existing one is replaced, by
 * a rename: a symlink at the path is replaced, never written through.
 */
export async function writeJunitFile(path: string, suiteName: string, results: readonly CaseResult[]): Promise<void> {
  await writePrivateFile(path, junitXml(suiteName, results), { overwrite: true });
}
