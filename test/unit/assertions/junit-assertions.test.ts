import { describe, expect, it } from 'vitest';
import { exitCodeForSend } from '../../../main/cli/assertion-report.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { junitXml } from '../../../main/cli/junit.ts';
import { worstExitCode } from '../../../main/cli/outcome.ts';
import type { AssertionResult } from '../../../main/contract/assertions.ts';
import type { HttpOutcome } from '../../../main/contract/http.ts';

const passed = (label: string): AssertionResult => ({ index: 0, kind: 'jsonpath', label, passed: true, actual: null, message: 'fine' });
const failed = (label: string, message: string, kind: AssertionResult['kind'] = 'jsonpath'): AssertionResult => ({ index: 1, kind, label, passed: false, actual: null, message });
const status = (code: number): HttpOutcome => ({
  ok: true,
  response: {
    url: 'http://127.0.0.1/',
    status: code,
    statusText: '',
    headers: [],
    timing: { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: 1, downloadMs: 1, totalMs: 2 },
    bytes: 0,
    contentType: null,
    preview: { encoding: 'utf8', data: '', truncated: false },
    saved: null,
    clockSkew: null,
    redirects: [],
    pendingRedirect: null,
  },
});

describe('JUnit with assertions', () => {
  it('adds one test case per assertion and counts its failures; the send passes when only assertions failed', () => {
    const xml = junitXml('Suite', [
      { path: 'C/a', iteration: 1, exitCode: EXIT.assertions, status: 200, ms: 5, failure: '1 of 2 assertions failed', assertions: [passed('status is 200'), failed('$.x equals "<1>"', 'it is & not')] },
      { path: 'C/b', iteration: 1, exitCode: EXIT.httpStatus, status: 500, ms: 5, failure: 'HTTP 500' },
    ]);
    expect(xml).toContain('<testsuite name="Suite" tests="4" failures="2"');
    expect(xml).toContain('<testcase classname="Suite" name="C/a" time="0.005"/>');
    expect(xml).toContain('<testcase classname="Suite" name="C/a › status is 200" time="0.000"/>');
    expect(xml).toContain('name="C/a › $.x equals &quot;&lt;1&gt;&quot;" time="0.000">\n      <failure message="it is &amp; not" type="assertion"/>');
    expect(xml).toContain('name="C/b" time="0.005">\n      <failure message="HTTP 500" type="exit-3"/>');
  });
});

describe('exit codes with assertions', () => {
  it('7 when an assertion failed, 3 for a non-2xx nobody asserted, 0 for an asserted non-2xx', () => {
    expect(exitCodeForSend({ outcome: status(200) })).toBe(EXIT.ok);
    expect(exitCodeForSend({ outcome: status(200), assertions: [passed('x')] })).toBe(EXIT.ok);
    expect(exitCodeForSend({ outcome: status(200), assertions: [failed('x', 'no')] })).toBe(EXIT.assertions);
    expect(exitCodeForSend({ outcome: status(404), assertions: [passed('x')] })).toBe(EXIT.httpStatus);
    expect(exitCodeForSend({ outcome: status(404), assertions: [{ ...passed('status is 404'), kind: 'status' }] })).toBe(EXIT.ok);
    expect(exitCodeForSend({ outcome: status(500), assertions: [failed('status is 404', 'got 500', 'status')] })).toBe(EXIT.assertions);
    expect(exitCodeForSend({ outcome: { ok: false, error: { kind: 'refused', message: 'no' }, redirects: [] }, assertions: [failed('x', 'no')] })).toBe(EXIT.network);
  });

  it('a batch with failed assertions and a worse failure exits with the worse one', () => {
    expect(worstExitCode([EXIT.ok, EXIT.assertions])).toBe(EXIT.assertions);
    expect(worstExitCode([EXIT.assertions, EXIT.httpStatus])).toBe(EXIT.httpStatus);
    expect(EXIT.assertions).toBe(7);
  });
});
