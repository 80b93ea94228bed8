import type { Assertion, AssertionKind } from '../../../../../main/contract/assertions.ts';

export const KIND_LABELS: Record<AssertionKind, string> = {
  status: 'Status',
  header: 'Header',
  jsonpath: 'JSONPath',
  'body-contains': 'Body contains',
  'response-time': 'Response time',
  'json-schema': 'JSON Schema',
};

export const KINDS = Object.keys(KIND_LABELS) as AssertionKind[];

/** A new assertion of the kind, filled with a sensible first value. */
export function newAssertion(kind: AssertionKind): Assertion {
  switch (kind) {
    case 'status':
      return { kind, enabled: true, expected: '200' };
    case 'header':
      return { kind, enabled: true, name: 'Content-Type', op: 'contains', value: 'json' };
    case 'jsonpath':
      return { kind, enabled: true, path: '$.status', op: 'exists', value: '' };
    case 'body-contains':
      return { kind, enabled: true, value: 'text', negate: false };
    case 'response-time':
      return { kind, enabled: true, belowMs: 2000 };
    case 'json-schema':
      return { kind, enabled: true, schema: '{\n  "type": "object"\n}' };
  }
}

/** What is wrong with an assertion as typed, in words, or null; the request is saved only when every row is right. */
export function problemOf(assertion: Assertion): string | null {
  switch (assertion.kind) {
    case 'status':
      return /^[1-5]([0-9][0-9]|xx)$/.test(assertion.expected) ? null : 'A status is three digits (200) or a class (2xx).';
    case 'header':
      return assertion.name.trim() === '' ? 'Name the header.' : null;
    case 'jsonpath':
      if (!assertion.path.startsWith('$')) return 'A JSONPath starts with $ (e.g. $.status).';
      return assertion.op === 'type' && !['string', 'number', 'boolean', 'object', 'array', 'null'].includes(assertion.value) ? 'Pick a type.' : null;
    case 'body-contains':
      return assertion.value === '' ? 'Type the text to look for.' : null;
    case 'response-time':
      return Number.isInteger(assertion.belowMs) && assertion.belowMs >= 1 ? null : 'A whole number of milliseconds, 1 or more.';
    case 'json-schema':
      try {
        const parsed: unknown = JSON.parse(assertion.schema);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? null : 'The schema must be a JSON object.';
      } catch (error) {
        return `The schema is not JSON: ${error instanceof Error ? error.message : 'unreadable'}.`;
      }
  }
}
