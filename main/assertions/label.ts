import type { Assertion } from '../contract/assertions.ts';

/** A short, stable description of an assertion: shown beside its result and used as the JUnit test case name. */
export function assertionLabel(assertion: Assertion): string {
  switch (assertion.kind) {
    case 'status':
      return `status is ${assertion.expected}`;
    case 'header':
      return assertion.op === 'exists' || assertion.op === 'not-exists'
        ? `header ${assertion.name} ${assertion.op === 'exists' ? 'exists' : 'is absent'}`
        : `header ${assertion.name} ${assertion.op} "${assertion.value}"`;
    case 'jsonpath':
      if (assertion.op === 'exists') return `${assertion.path} exists`;
      if (assertion.op === 'not-exists') return `${assertion.path} is absent`;
      if (assertion.op === 'type') return `${assertion.path} is of type ${assertion.value}`;
      return `${assertion.path} ${assertion.op} ${assertion.value}`;
    case 'body-contains':
      return `body ${assertion.negate ? 'does not contain' : 'contains'} "${assertion.value}"`;
    case 'response-time':
      return `response time below ${String(assertion.belowMs)} ms`;
    case 'json-schema':
      return `body matches the JSON Schema${schemaTitle(assertion.schema)}`;
  }
}

function schemaTitle(schema: string): string {
  try {
    const parsed = JSON.parse(schema) as { title?: unknown };
    return typeof parsed.title === 'string' && parsed.title !== '' ? ` "${parsed.title}"` : '';
  } catch {
    return '';
  }
}
