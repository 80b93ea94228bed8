import type { Assertion, AssertionResult } from '../contract/assertions.ts';
import { checkSchema } from './json-schema.ts';
import { jsonContains, jsonEquals, jsonType, queryJson, shown, type RedactText } from './json-values.ts';
import { assertionLabel } from './label.ts';

/** What assertions look at: one response, its whole body as text when it could be read. */
export type ResponseFacts = {
  status: number;
  /** Lower-cased names; a repeated header gives one pair per value. */
  headers: readonly (readonly [string, string])[];
  totalMs: number;
  /** The body, or why it is not available (binary, too large to check). */
  body: { text: string } | { unavailable: string };
};

type Verdict = { passed: boolean; actual: string | null; message: string };

/**
 * Evaluates a request's assertions against one response. Pure: no I/O, no
 * clock. Disabled assertions are left out; a broken one (bad JSONPath,
 * unusable schema, a body that is not JSON) fails with the reason.
 */
export function evaluateAssertions(assertions: readonly Assertion[], response: ResponseFacts, redact?: RedactText): AssertionResult[] {
  const parsed = lazyJson(response.body);
  const show = (value: unknown) => shown(value, redact);
  const results: AssertionResult[] = [];
  assertions.forEach((assertion, index) => {
    if (!assertion.enabled) return;
    results.push({ index, kind: assertion.kind, label: assertionLabel(assertion), ...verdict(assertion, response, parsed, show) });
  });
  return results;
}

/** Every assertion fails the same way when no response came back. */
export function failAllWithoutResponse(assertions: readonly Assertion[], why: string): AssertionResult[] {
  return assertions.flatMap((assertion, index) =>
    assertion.enabled ? [{ index, kind: assertion.kind, label: assertionLabel(assertion), passed: false, actual: null, message: `No response to check: ${why}` }] : [],
  );
}

type JsonBody = () => { value: unknown } | { error: string };

function lazyJson(body: ResponseFacts['body']): JsonBody {
  let memo: { value: unknown } | { error: string } | undefined;
  return () => {
    if (memo) return memo;
    if ('unavailable' in body) memo = { error: body.unavailable };
    else {
      try {
        memo = { value: JSON.parse(body.text) as unknown };
      } catch {
        memo = { error: 'the body is not JSON' };
      }
    }
    return memo;
  };
}

/** What a found value looks like in a result: redacted, then cut short. */
type Show = (value: unknown) => string;

function verdict(assertion: Assertion, response: ResponseFacts, json: JsonBody, show: Show): Verdict {
  switch (assertion.kind) {
    case 'status': {
      const actual = String(response.status);
      const expected = assertion.expected.toLowerCase();
      const passed = expected.endsWith('xx') ? actual[0] === expected[0] : actual === expected;
      return { passed, actual, message: passed ? `Status ${actual}.` : `Expected status ${assertion.expected}, got ${actual}.` };
    }
    case 'header':
      return headerVerdict(assertion, response.headers, show);
    case 'jsonpath':
      return jsonPathVerdict(assertion, json, show);
    case 'body-contains': {
      if ('unavailable' in response.body) return { passed: false, actual: null, message: `The body could not be checked: ${response.body.unavailable}.` };
      const found = response.body.text.includes(assertion.value);
      const passed = found !== assertion.negate;
      return { passed, actual: null, message: found ? `The body contains "${assertion.value}".` : `The body does not contain "${assertion.value}".` };
    }
    case 'response-time': {
      const ms = Math.round(response.totalMs);
      const passed = response.totalMs < assertion.belowMs;
      return { passed, actual: `${String(ms)} ms`, message: passed ? `Took ${String(ms)} ms.` : `Took ${String(ms)} ms, not below ${String(assertion.belowMs)} ms.` };
    }
    case 'json-schema': {
      const body = json();
      if ('error' in body) return { passed: false, actual: null, message: `The body could not be checked: ${body.error}.` };
      const check = checkSchema(assertion.schema, body.value);
      if ('invalidSchema' in check) return { passed: false, actual: null, message: `The schema cannot be used: ${check.invalidSchema}.` };
      return check.ok
        ? { passed: true, actual: null, message: 'The body matches the schema.' }
        : { passed: false, actual: null, message: `The body does not match the schema: ${check.errors.join('; ')}.` };
    }
  }
}

function headerVerdict(assertion: Extract<Assertion, { kind: 'header' }>, headers: ResponseFacts['headers'], show: Show): Verdict {
  const wanted = assertion.name.toLowerCase();
  const values = headers.filter(([name]) => name.toLowerCase() === wanted).map(([, value]) => value);
  const actual = values.length === 0 ? null : show(values.join(', '));
  switch (assertion.op) {
    case 'exists':
      return { passed: values.length > 0, actual, message: values.length > 0 ? `${assertion.name} is present.` : `The response has no ${assertion.name} header.` };
    case 'not-exists':
      return { passed: values.length === 0, actual, message: values.length === 0 ? `${assertion.name} is absent.` : `${assertion.name} is present.` };
    case 'equals':
    case 'contains': {
      if (values.length === 0) return { passed: false, actual, message: `The response has no ${assertion.name} header.` };
      const passed = values.some((value) => (assertion.op === 'equals' ? value === assertion.value : value.includes(assertion.value)));
      return { passed, actual, message: passed ? `${assertion.name} ${assertion.op} "${assertion.value}".` : `${assertion.name} is "${actual ?? ''}", which does not ${assertion.op === 'equals' ? 'equal' : 'contain'} "${assertion.value}".` };
    }
  }
}

function jsonPathVerdict(assertion: Extract<Assertion, { kind: 'jsonpath' }>, json: JsonBody, show: Show): Verdict {
  const body = json();
  if ('error' in body) return { passed: false, actual: null, message: `The body could not be checked: ${body.error}.` };
  const query = queryJson(body.value, assertion.path);
  if ('error' in query) return { passed: false, actual: null, message: `${capitalised(query.error)}.` };
  const found = query.matches.length > 0;
  const first: unknown = query.matches[0];
  const actual = found ? show(first) : null;
  const { path, value, op } = assertion;
  if (op === 'exists') return { passed: found, actual, message: found ? `${path} is ${actual ?? ''}.` : `${path} matched nothing.` };
  if (op === 'not-exists') return { passed: !found, actual, message: found ? `${path} is present (${actual ?? ''}).` : `${path} matched nothing.` };
  if (!found) return { passed: false, actual, message: `${path} matched nothing.` };
  switch (op) {
    case 'type': {
      const type = jsonType(first);
      return { passed: type === value, actual, message: type === value ? `${path} is of type ${type}.` : `${path} is of type ${type}, not ${value}.` };
    }
    case 'equals':
      return jsonEquals(first, value) ? { passed: true, actual, message: `${path} is ${actual ?? ''}.` } : { passed: false, actual, message: `${path} is ${actual ?? ''}, expected ${value}.` };
    case 'not-equals':
      return jsonEquals(first, value) ? { passed: false, actual, message: `${path} is ${value}.` } : { passed: true, actual, message: `${path} is ${actual ?? ''}.` };
    case 'contains':
      return jsonContains(first, value)
        ? { passed: true, actual, message: `${path} contains ${value}.` }
        : { passed: false, actual, message: `${path} is ${actual ?? ''}, which does not contain ${value}.` };
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
