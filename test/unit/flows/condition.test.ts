import { describe, expect, it } from 'vitest';
import type { Condition, ConditionOperator, ValueSource } from '../../../main/contract/flow-model.ts';
import { describeSource, evaluateCondition } from '../../../main/flows/condition.ts';
import type { ExchangeView } from '../../../main/flows/exchange-view.ts';
import { resolvePlainTemplate } from '../../../main/flows/templates.ts';
import { sentPreview } from './fakes.ts';

const exchange: ExchangeView = {
  status: 200,
  headers: [['Location', '/reports/RPT-7']],
  body: JSON.stringify({ status: 'PENDING', progress: 40 }),
  sent: sentPreview({ headers: [{ name: 'X-Reference-Id', value: 'ref-1' }], body: '{"externalId":"ext-1"}' }),
};

const check = (source: ValueSource, operator: ConditionOperator, value = '', variables: Record<string, string> = {}) =>
  evaluateCondition({ source, operator, value } satisfies Condition, exchange, (text) => resolvePlainTemplate(text, variables, {}));

const status: ValueSource = { from: 'json', path: '$.status' };
const absent: ValueSource = { from: 'json', path: '$.reportUrl' };

describe('evaluateCondition', () => {
  it('equals and not-equals compare the text read with the expected text', () => {
    expect(check(status, 'equals', 'PENDING')).toEqual({ holds: true, description: '$.status equals "PENDING"', actual: '"PENDING"' });
    expect(check(status, 'equals', 'READY')).toEqual({ holds: false, description: '$.status equals "READY"', actual: '"PENDING"' });
    expect(check(status, 'not-equals', 'READY')).toEqual({ holds: true, description: '$.status is not "READY"', actual: '"PENDING"' });
    expect(check(status, 'not-equals', 'PENDING').holds).toBe(false);
  });

  it('contains looks for the text inside the value', () => {
    expect(check({ from: 'header', name: 'location' }, 'contains', 'RPT-')).toEqual({ holds: true, description: 'header location contains "RPT-"', actual: '"/reports/RPT-7"' });
    expect(check({ from: 'header', name: 'location' }, 'contains', 'INV-').holds).toBe(false);
  });

  it('exists and missing ignore the expected value', () => {
    expect(check(status, 'exists', 'anything')).toEqual({ holds: true, description: '$.status exists', actual: '"PENDING"' });
    expect(check(absent, 'exists').holds).toBe(false);
    expect(check(absent, 'missing')).toEqual({ holds: true, description: '$.reportUrl is missing', actual: 'nothing ($.reportUrl matched nothing in the response body)' });
    expect(check(status, 'missing').holds).toBe(false);
  });

  it('a value that is not there satisfies no comparison, and says why', () => {
    for (const operator of ['equals', 'not-equals', 'contains'] as const) {
      const result = check(absent, operator, 'READY');
      expect(result.holds, operator).toBe(false);
      expect(result.actual).toBe('nothing ($.reportUrl matched nothing in the response body)');
    }
  });

  it('compares numbers and statuses as text', () => {
    expect(check({ from: 'json', path: '$.progress' }, 'equals', '40').holds).toBe(true);
    expect(check({ from: 'status' }, 'equals', '200')).toEqual({ holds: true, description: 'the status equals "200"', actual: '"200"' });
  });

  it('resolves the expected value as a template over the flow variables', () => {
    expect(check({ from: 'header', name: 'Location' }, 'contains', '{{reportId}}', { reportId: 'RPT-7' })).toMatchObject({ holds: true, description: 'header Location contains "RPT-7"' });
  });

  it('describes each kind of source', () => {
    expect(describeSource({ source: { from: 'json', path: '$.a' } })).toBe('$.a');
    expect(describeSource({ source: { from: 'header', name: 'ETag' } })).toBe('header ETag');
    expect(describeSource({ source: { from: 'status' } })).toBe('the status');
    expect(describeSource({ source: { from: 'sent-header', name: 'X-Reference-Id' } })).toBe('sent header X-Reference-Id');
    expect(describeSource({ source: { from: 'sent-json', path: '$.externalId' } })).toBe('sent $.externalId');
    expect(describeSource({ source: { from: 'value', template: '{{x}}' } })).toBe('{{x}}');
  });
});
