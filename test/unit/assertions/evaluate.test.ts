import { describe, expect, it } from 'vitest';
import { Assertion, type AssertionResult } from '../../../main/contract/assertions.ts';
import { evaluateAssertions, failAllWithoutResponse, type ResponseFacts } from '../../../main/assertions/index.ts';

const json = (value: unknown): ResponseFacts => ({
  status: 200,
  headers: [
    ['content-type', 'application/json; charset=utf-8'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ],
  totalMs: 120.4,
  body: { text: JSON.stringify(value) },
});

const REPORT = { status: 'COMPLETED', reportId: 'r-42', count: 3, ok: true, items: [{ id: 'a' }, { id: 'b' }], meta: null, tags: ['daily', 'csv'] };

/** Parses as the contract does (defaults applied), then evaluates one assertion. */
function one(input: unknown, response: ResponseFacts = json(REPORT)): AssertionResult {
  const [result] = evaluateAssertions([Assertion.parse(input)], response);
  if (!result) throw new Error('no result');
  return result;
}

describe('status', () => {
  it('passes an exact match and a class, fails anything else', () => {
    expect(one({ kind: 'status', expected: '200' }).passed).toBe(true);
    expect(one({ kind: 'status', expected: '2xx' }).passed).toBe(true);
    const failed = one({ kind: 'status', expected: '201' });
    expect(failed).toMatchObject({ passed: false, actual: '200', label: 'status is 201' });
    expect(failed.message).toBe('Expected status 201, got 200.');
    expect(one({ kind: 'status', expected: '4xx' }, { ...json({}), status: 404 }).passed).toBe(true);
    expect(one({ kind: 'status', expected: '4xx' }, { ...json({}), status: 500 }).passed).toBe(false);
  });

  it('refuses a status that is not three digits or a class', () => {
    expect(() => Assertion.parse({ kind: 'status', expected: '20' })).toThrow();
    expect(() => Assertion.parse({ kind: 'status', expected: '6xx' })).toThrow();
  });
});

describe('header', () => {
  it('matches names case-insensitively', () => {
    expect(one({ kind: 'header', name: 'Content-Type', op: 'contains', value: 'json' }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'content-type', op: 'equals', value: 'application/json' }).passed).toBe(false);
    expect(one({ kind: 'header', name: 'content-type', op: 'equals', value: 'application/json; charset=utf-8' }).passed).toBe(true);
  });

  it('checks existence and absence', () => {
    expect(one({ kind: 'header', name: 'X-Request-Id', op: 'exists' })).toMatchObject({ passed: false, actual: null, message: 'The response has no X-Request-Id header.' });
    expect(one({ kind: 'header', name: 'X-Request-Id', op: 'not-exists' }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'set-cookie', op: 'not-exists' }).passed).toBe(false);
  });

  it('passes when any of a repeated header matches, and shows them all', () => {
    const result = one({ kind: 'header', name: 'set-cookie', op: 'equals', value: 'b=2' });
    expect(result).toMatchObject({ passed: true, actual: 'a=1, b=2' });
  });

  it('fails equals on a missing header', () => {
    expect(one({ kind: 'header', name: 'etag', op: 'equals', value: 'x' }).passed).toBe(false);
  });
});

describe('JSONPath', () => {
  it('compares values as JSON, and strings as typed or quoted', () => {
    expect(one({ kind: 'jsonpath', path: '$.status', op: 'equals', value: 'COMPLETED' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.status', op: 'equals', value: '"COMPLETED"' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.count', op: 'equals', value: '3' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.count', op: 'equals', value: '"3"' }).passed).toBe(false);
    expect(one({ kind: 'jsonpath', path: '$.ok', op: 'equals', value: 'true' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.items[1]', op: 'equals', value: '{"id":"b"}' }).passed).toBe(true);
    const failed = one({ kind: 'jsonpath', path: '$.status', op: 'equals', value: 'PENDING' });
    expect(failed).toMatchObject({ passed: false, actual: 'COMPLETED', message: '$.status is COMPLETED, expected PENDING.' });
  });

  it('not-equals and contains (strings and arrays)', () => {
    expect(one({ kind: 'jsonpath', path: '$.status', op: 'not-equals', value: 'FAILED' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.status', op: 'not-equals', value: 'COMPLETED' }).passed).toBe(false);
    expect(one({ kind: 'jsonpath', path: '$.reportId', op: 'contains', value: '42' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.tags', op: 'contains', value: 'csv' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.tags', op: 'contains', value: 'pdf' }).passed).toBe(false);
    expect(one({ kind: 'jsonpath', path: '$.count', op: 'contains', value: '3' }).passed).toBe(false);
  });

  it('existence: a null value exists, a missing one does not', () => {
    expect(one({ kind: 'jsonpath', path: '$.meta', op: 'exists' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.missing', op: 'exists' })).toMatchObject({ passed: false, message: '$.missing matched nothing.' });
    expect(one({ kind: 'jsonpath', path: '$.missing', op: 'not-exists' }).passed).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.items[*].id', op: 'not-exists' }).passed).toBe(false);
  });

  it('types', () => {
    const typeOf = (path: string, value: string) => one({ kind: 'jsonpath', path, op: 'type', value }).passed;
    expect(typeOf('$.status', 'string')).toBe(true);
    expect(typeOf('$.count', 'number')).toBe(true);
    expect(typeOf('$.ok', 'boolean')).toBe(true);
    expect(typeOf('$.items', 'array')).toBe(true);
    expect(typeOf('$.items', 'object')).toBe(false);
    expect(typeOf('$.items[0]', 'object')).toBe(true);
    expect(typeOf('$.meta', 'null')).toBe(true);
    expect(one({ kind: 'jsonpath', path: '$.count', op: 'type', value: 'string' }).message).toBe('$.count is of type number, not string.');
  });

  it('fails with the reason on a body that is not JSON, a bad path, or a value that is missing', () => {
    const text: ResponseFacts = { ...json({}), body: { text: '<html>oops</html>' } };
    expect(one({ kind: 'jsonpath', path: '$.status', op: 'exists' }, text)).toMatchObject({ passed: false, message: 'The body could not be checked: the body is not JSON.' });
    expect(one({ kind: 'jsonpath', path: '$.status', op: 'not-exists' }, text).passed).toBe(false);
    expect(one({ kind: 'jsonpath', path: '$[?(@.x', op: 'exists' }).passed).toBe(false);
    expect(one({ kind: 'jsonpath', path: '$.missing', op: 'equals', value: 'x' }).passed).toBe(false);
  });

  it('reads a scalar body with $', () => {
    expect(one({ kind: 'jsonpath', path: '$', op: 'equals', value: '7' }, json(7)).passed).toBe(true);
  });

  it('never runs a filter as JavaScript', () => {
    const result = one({ kind: 'jsonpath', path: '$.items[?(@.id === "b" && (globalThis.pwned = 1))]', op: 'exists' });
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(typeof result.passed).toBe('boolean');
  });
});

describe('body contains', () => {
  it('looks for text in the whole body, or its absence', () => {
    expect(one({ kind: 'body-contains', value: '"reportId":"r-42"' }).passed).toBe(true);
    expect(one({ kind: 'body-contains', value: 'error' }).passed).toBe(false);
    expect(one({ kind: 'body-contains', value: 'error', negate: true }).passed).toBe(true);
    expect(one({ kind: 'body-contains', value: 'error', negate: true }).label).toBe('body does not contain "error"');
  });

  it('fails when the body could not be read', () => {
    const binary: ResponseFacts = { ...json({}), body: { unavailable: 'the body is binary' } };
    expect(one({ kind: 'body-contains', value: 'x', negate: true }, binary)).toMatchObject({ passed: false, message: 'The body could not be checked: the body is binary.' });
  });
});

describe('response time', () => {
  it('passes strictly below the limit', () => {
    expect(one({ kind: 'response-time', belowMs: 200 })).toMatchObject({ passed: true, actual: '120 ms' });
    expect(one({ kind: 'response-time', belowMs: 100 })).toMatchObject({ passed: false, message: 'Took 120 ms, not below 100 ms.' });
    expect(one({ kind: 'response-time', belowMs: 120 }, { ...json({}), totalMs: 120 }).passed).toBe(false);
  });
});

describe('JSON Schema', () => {
  const schema = JSON.stringify({
    title: 'Report status',
    type: 'object',
    required: ['status', 'reportId'],
    properties: { status: { enum: ['PENDING', 'COMPLETED'] }, reportId: { type: 'string' }, count: { type: 'integer', minimum: 0 } },
  });

  it('passes a matching body and names what does not match', () => {
    expect(one({ kind: 'json-schema', schema })).toMatchObject({ passed: true, label: 'body matches the JSON Schema "Report status"' });
    const failed = one({ kind: 'json-schema', schema }, json({ status: 'FAILED', count: -1 }));
    expect(failed.passed).toBe(false);
    expect(failed.message).toContain("must have required property 'reportId'");
    expect(failed.message).toContain('/status must be equal to one of the allowed values');
    expect(failed.message).toContain('/count must be >= 0');
  });

  it('reads draft-07 schemas as draft-07 and others as 2020-12', () => {
    const draft07 = JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'string' }], additionalItems: false });
    expect(one({ kind: 'json-schema', schema: draft07 }, json(['a'])).passed).toBe(true);
    expect(one({ kind: 'json-schema', schema: draft07 }, json(['a', 'b'])).passed).toBe(false);
    const tuple2020 = JSON.stringify({ prefixItems: [{ type: 'string' }], items: false });
    expect(one({ kind: 'json-schema', schema: tuple2020 }, json(['a'])).passed).toBe(true);
    expect(one({ kind: 'json-schema', schema: tuple2020 }, json(['a', 1])).passed).toBe(false);
  });

  it('reports an unusable schema instead of throwing, and refuses one that is not a JSON object', () => {
    const result = one({ kind: 'json-schema', schema: '{"type":"no-such-type"}' });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/^The schema cannot be used: /);
    expect(() => Assertion.parse({ kind: 'json-schema', schema: '[1]' })).toThrow('The schema must be a JSON object.');
    expect(() => Assertion.parse({ kind: 'json-schema', schema: '{"type":' })).toThrow();
  });
});

describe('a list', () => {
  it('keeps the order and indexes, and leaves disabled ones out', () => {
    const results = evaluateAssertions(
      [
        Assertion.parse({ kind: 'status', expected: '200' }),
        Assertion.parse({ kind: 'status', expected: '500', enabled: false }),
        Assertion.parse({ kind: 'jsonpath', path: '$.status', op: 'equals', value: 'COMPLETED' }),
      ],
      json(REPORT),
    );
    expect(results.map((result) => [result.index, result.passed])).toEqual([
      [0, true],
      [2, true],
    ]);
  });

  it('fails every enabled assertion when no response came back', () => {
    const results = failAllWithoutResponse([Assertion.parse({ kind: 'status', expected: '200' }), Assertion.parse({ kind: 'response-time', belowMs: 5, enabled: false })], 'connection refused');
    expect(results).toEqual([{ index: 0, kind: 'status', label: 'status is 200', passed: false, actual: null, message: 'No response to check: connection refused' }]);
  });
});
