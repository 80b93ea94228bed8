import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Assertion } from '../../../main/contract/assertions.ts';
import type { HttpOutcome, ResponseSummary } from '../../../main/contract/http.ts';
import { assertResponse } from '../../../main/assertions/index.ts';

const summary = (overrides: Partial<ResponseSummary>): HttpOutcome => ({
  ok: true,
  response: {
    url: 'http://127.0.0.1/x',
    status: 200,
    statusText: 'OK',
    headers: [],
    timing: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 2, downloadMs: 1, totalMs: 4 },
    bytes: 10,
    contentType: 'application/json',
    preview: { encoding: 'utf8', data: '{"a":1}', truncated: false },
    saved: null,
    clockSkew: null,
    redirects: [],
    pendingRedirect: null,
    ...overrides,
  },
});

const has = (path: string) => [Assertion.parse({ kind: 'jsonpath', path, op: 'exists' })];
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('assertResponse', () => {
  it('answers nothing for a request without assertions', async () => {
    expect(await assertResponse(undefined, summary({}))).toBeUndefined();
    expect(await assertResponse([], summary({}))).toBeUndefined();
  });

  it('checks the preview when it holds the whole body', async () => {
    expect((await assertResponse(has('$.a'), summary({})))?.[0]?.passed).toBe(true);
  });

  it('reads a saved body back when the preview was cut short', async () => {
    dir = await mkdtemp(join(tmpdir(), 'assert-'));
    const path = join(dir, 'body');
    const whole = JSON.stringify({ rows: Array.from({ length: 1000 }, (_, i) => i), last: 'here' });
    await writeFile(path, whole);
    const outcome = summary({ preview: { encoding: 'utf8', data: whole.slice(0, 100), truncated: true }, saved: { path, sha256: '0'.repeat(64), bytes: whole.length } });
    expect((await assertResponse(has('$.last'), outcome))?.[0]?.passed).toBe(true);
  });

  it('says why a cut-short body that is not on disk could not be checked', async () => {
    const outcome = summary({ preview: { encoding: 'utf8', data: '{"a":', truncated: true } });
    const [result] = (await assertResponse(has('$.a'), outcome)) ?? [];
    expect(result?.passed).toBe(false);
    expect(result?.message).toContain('only the start of the body was kept');
  });

  it('does not read a body for status or header checks, and fails everything on a network error', async () => {
    const status = [Assertion.parse({ kind: 'status', expected: '200' })];
    expect((await assertResponse(status, summary({ preview: { encoding: 'base64', data: 'AAAA', truncated: true } })))?.[0]?.passed).toBe(true);
    const failed = await assertResponse(status, { ok: false, error: { kind: 'refused', message: 'Connection refused by 127.0.0.1:1.' }, redirects: [] });
    expect(failed).toEqual([{ index: 0, kind: 'status', label: 'status is 200', passed: false, actual: null, message: 'No response to check: Connection refused by 127.0.0.1:1.' }]);
  });
});
