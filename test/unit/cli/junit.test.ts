import { describe, expect, it } from 'vitest';
import { junitXml, type CaseResult } from '../../../main/cli/junit.ts';
import { summaryTable } from '../../../main/cli/summary-table.ts';

const results: CaseResult[] = [
  { path: 'Gate/Pay <fast> & "safe"', iteration: 1, exitCode: 0, status: 200, ms: 12, failure: null },
  { path: 'Gate/Refund', iteration: 1, exitCode: 3, status: 401, ms: 30, failure: 'HTTP 401 Unauthorized' },
  { path: 'Gate/Pay <fast> & "safe"', iteration: 2, exitCode: 0, status: 200, ms: 8, failure: null },
];

describe('JUnit report', () => {
  const text = junitXml('Gate', results);

  it('counts tests and failures for CI', () => {
    expect(text).toContain('<testsuite name="Gate" tests="3" failures="1"');
    expect(text).toContain('<failure message="HTTP 401 Unauthorized" type="exit-3"/>');
  });

  it('escapes names and numbers repeated iterations', () => {
    expect(text).toContain('name="Gate/Pay &lt;fast&gt; &amp; &quot;safe&quot;"');
    expect(text).toContain('name="Gate/Pay &lt;fast&gt; &amp; &quot;safe&quot; #2"');
  });

  it('drops characters XML cannot hold', () => {
    expect(junitXml('a\u0001b', [])).toContain('name="ab"');
  });
});

describe('summary table', () => {
  it('has one row per request with counts and the last status', () => {
    const rows = summaryTable(results).split('\n');
    expect(rows[0]).toMatch(/^Request\s+Sends\s+Passed\s+Failed\s+Status\s+Median$/);
    expect(rows[2]).toMatch(/^Gate\/Pay <fast> & "safe"\s+2\s+2\s+0\s+200\s+12 ms$/);
    expect(rows[3]).toMatch(/^Gate\/Refund\s+1\s+0\s+1\s+401\s+30 ms$/);
  });
});
