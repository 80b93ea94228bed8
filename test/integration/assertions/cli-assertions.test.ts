import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import type { AssertionResult } from '../../../main/contract/assertions.ts';
import type { FlowRunState } from '../../../main/contract/flows.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { useCliSession } from '../cli/cli-fixture.ts';
import { setAssertions } from './set-assertions.ts';

const STATUS = 'PayNet OSP/Report status';
const REPORT_SCHEMA = JSON.stringify({
  title: 'Report',
  type: 'object',
  required: ['reportId', 'status', 'sizeBytes'],
  properties: { status: { enum: ['PENDING', 'READY'] }, sizeBytes: { type: 'integer', minimum: 0 } },
});
const PASSING = [
  { kind: 'status', expected: '200' },
  { kind: 'status', expected: '2xx' },
  { kind: 'header', name: 'Content-Type', op: 'contains', value: 'application/json' },
  { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'READY' },
  { kind: 'jsonpath', path: '$.downloadUrl', op: 'exists' },
  { kind: 'jsonpath', path: '$.sizeBytes', op: 'type', value: 'number' },
  { kind: 'body-contains', value: '"reportId"' },
  { kind: 'response-time', belowMs: 60_000 },
  { kind: 'json-schema', schema: REPORT_SCHEMA },
] as const;

/** The test cases of a JUnit file: name and failure message (null when it passed). */
function junitCases(xml: string): { name: string; failure: string | null; type: string | null }[] {
  return [...xml.matchAll(/<testcase [^>]*name="([^"]*)"[^>]*?(?:\/>|>\s*<failure message="([^"]*)" type="([^"]*)"\/>\s*<\/testcase>)/g)].map((match) => ({
    name: unescapeXml(match[1] ?? ''),
    failure: match[2] === undefined ? null : unescapeXml(match[2]),
    type: match[3] ?? null,
  }));
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('assertions in the CLI, against the built-in sandbox', () => {
  const session = useCliSession();
  const run = session.run;
  afterEach(async () => {
    for (const path of [STATUS, 'PayNet OSP/Request a report', 'PayNet OSP/Get access token']) await setAssertions(session.path(), path, []);
  });

  it('run: every assertion holds, exit 0, each listed, one JUnit test case per assertion', async () => {
    await setAssertions(session.path(), STATUS, PASSING);
    const junit = join(session.path(), 'run.xml');
    const result = await run(['run', STATUS, '--env', 'Sandbox', '--junit', junit]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain('  ok   status is 200\n');
    expect(result.stderr).toContain('  ok   $.status equals READY\n');
    expect(result.stderr).toContain('  ok   body matches the JSON Schema "Report"\n');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain(`tests="${String(PASSING.length + 1)}" failures="0"`);
    const cases = junitCases(xml);
    expect(cases.map((c) => c.name)).toEqual([STATUS, ...['status is 200', 'status is 2xx', 'header Content-Type contains "application/json"', '$.status equals READY', '$.downloadUrl exists', '$.sizeBytes is of type number', 'body contains ""reportId""', 'response time below 60000 ms', 'body matches the JSON Schema "Report"'].map((label) => `${STATUS} › ${label}`)]);
    expect(cases.every((c) => c.failure === null)).toBe(true);
  });

  it('run: a failed assertion exits 7, says why on stderr and in --json, and fails its JUnit case only', async () => {
    await setAssertions(session.path(), STATUS, [...PASSING, { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' }, { kind: 'header', name: 'X-Missing', op: 'exists' }]);
    const junit = join(session.path(), 'fail.xml');
    const result = await run(['run', STATUS, '--env', 'Sandbox', '--junit', junit]);
    expect(result.code).toBe(EXIT.assertions);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('  FAIL $.status equals PENDING: $.status is READY, expected PENDING.\n');
    expect(result.stderr).toContain('  FAIL header X-Missing exists: The response has no X-Missing header.\n');
    // The body still goes to stdout: the gateway answered.
    expect(result.stdout).toContain('"status":"READY"');
    const cases = junitCases(await readFile(junit, 'utf8'));
    expect(cases.filter((c) => c.failure !== null)).toEqual([
      { name: `${STATUS} › $.status equals PENDING`, failure: '$.status is READY, expected PENDING.', type: 'assertion' },
      { name: `${STATUS} › header X-Missing exists`, failure: 'The response has no X-Missing header.', type: 'assertion' },
    ]);

    const json = await run(['run', STATUS, '--env', 'Sandbox', '--json']);
    expect(json.code).toBe(EXIT.assertions);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; exitCode: number; assertions: AssertionResult[] };
    expect(parsed).toMatchObject({ ok: false, exitCode: 7 });
    expect(parsed.assertions.filter((a) => !a.passed).map((a) => a.label)).toEqual(['$.status equals PENDING', 'header X-Missing exists']);
  });

  it('a request that asserts its status decides which status is right', async () => {
    const missing = ['--var', 'reportId=no-such-report'];
    const plain = await run(['run', STATUS, '--env', 'Sandbox', ...missing]);
    expect(plain.code).toBe(EXIT.httpStatus);
    // Asserting something else than the status does not excuse a 404.
    await setAssertions(session.path(), STATUS, [{ kind: 'jsonpath', path: '$.error', op: 'equals', value: 'not_found' }]);
    expect((await run(['run', STATUS, '--env', 'Sandbox', ...missing])).code).toBe(EXIT.httpStatus);
    await setAssertions(session.path(), STATUS, [{ kind: 'status', expected: '404' }, { kind: 'jsonpath', path: '$.error', op: 'equals', value: 'not_found' }]);
    const expected = await run(['run', STATUS, '--env', 'Sandbox', ...missing]);
    expect(expected.code, expected.stderr).toBe(EXIT.ok);
    // ...and the same request now fails when the report exists.
    expect((await run(['run', STATUS, '--env', 'Sandbox'])).code).toBe(EXIT.assertions);
  });

  it('run-collection: exit 7 when only assertions failed, and a JUnit case per send and per assertion', async () => {
    await setAssertions(session.path(), STATUS, [{ kind: 'status', expected: '200' }, { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' }]);
    await setAssertions(session.path(), 'PayNet OSP/Request a report', [{ kind: 'status', expected: '202' }, { kind: 'jsonpath', path: '$.reportId', op: 'exists' }]);
    const junit = join(session.path(), 'collection.xml');
    const result = await run(['run-collection', 'PayNet OSP', '--env', 'Sandbox', '--junit', junit]);
    expect(result.code, result.stdout + result.stderr).toBe(EXIT.assertions);
    expect(result.stderr).toContain(`${STATUS}: 1 of 2 assertions failed: $.status equals PENDING`);
    const xml = await readFile(junit, 'utf8');
    const cases = junitCases(xml);
    // 4 sends + 4 assertions; one failure.
    expect(cases).toHaveLength(8);
    expect(xml).toContain('tests="8" failures="1"');
    expect(cases.find((c) => c.name === 'PayNet OSP/Request a report › status is 202')?.failure).toBeNull();
    expect(cases.find((c) => c.name === `${STATUS} › $.status equals PENDING`)?.type).toBe('assertion');
    // The send itself passed: its assertion's case carries the failure.
    expect(cases.find((c) => c.name === STATUS)?.failure).toBeNull();
  });

  it('flow: a step whose assertions fail stops the run with exit 7, listed in --junit', async () => {
    const outDir = join(session.path(), 'flow-out');
    await setAssertions(session.path(), 'PayNet OSP/Request a report', [{ kind: 'status', expected: '202' }, { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'READY' }]);
    const junit = join(session.path(), 'flow.xml');
    const failed = await run(['flow', 'PayNet OSP/Download report', '--env', 'Sandbox', '--out-dir', outDir, '--junit', junit, '--json']);
    expect(failed.code, failed.stderr).toBe(EXIT.assertions);
    const state = JSON.parse(failed.stdout) as FlowRunState;
    expect(state.steps[0]).toMatchObject({ status: 'succeeded' });
    expect(state.steps[1]).toMatchObject({ name: 'Request the report', status: 'failed', failure: 'assertion' });
    expect(state.steps[2]).toMatchObject({ status: 'skipped' });
    expect(state.steps[1]?.message).toContain('1 of 2 assertions failed: $.status equals READY ($.status is PENDING, expected READY.)');
    const cases = junitCases(await readFile(junit, 'utf8'));
    expect(cases.map((c) => [c.name, c.failure === null])).toEqual([
      ['1. Token', true],
      // The step's own case passes when only its assertions failed: their cases carry the failure.
      ['2. Request the report', true],
      ['2. Request the report › status is 202', true],
      ['2. Request the report › $.status equals READY', false],
    ]);

    await setAssertions(session.path(), 'PayNet OSP/Request a report', [{ kind: 'status', expected: '202' }, { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' }]);
    const passed = await run(['flow', 'PayNet OSP/Download report', '--env', 'Sandbox', '--out-dir', outDir, '--junit', junit]);
    expect(passed.code, passed.stderr).toBe(EXIT.ok);
    expect(passed.stdout).toContain('Assertions of step 2 (Request the report):\n  ok   status is 202\n  ok   $.status equals PENDING');
    const after = junitCases(await readFile(junit, 'utf8'));
    expect(after.every((c) => c.failure === null)).toBe(true);
    expect(after.length).toBe(4 + 2);
  });

  it('a secret named in an assertion is redacted from what it prints', async () => {
    const secret = SANDBOX_CREDENTIALS.paynet.clientSecret;
    // The token request sends the client secret in its form body; an assertion that quotes it must not print it.
    await setAssertions(session.path(), 'PayNet OSP/Get access token', [{ kind: 'body-contains', value: secret, negate: true }, { kind: 'header', name: 'cache-control', op: 'equals', value: secret }]);
    const result = await run(['run', 'PayNet OSP/Get access token', '--env', 'Sandbox', '--json']);
    expect(result.code).toBe(EXIT.assertions);
    expect(result.stdout).not.toContain(secret);
    const parsed = JSON.parse(result.stdout) as { assertions: AssertionResult[] };
    expect(parsed.assertions[0]).toMatchObject({ passed: true, label: 'body does not contain "[redacted]"' });
    expect(parsed.assertions[1]?.message).toContain('[redacted]');
    // (useCliSession checks every line printed by every test for every sandbox secret.)
  });
});
