import type { Condition } from '../contract/flow-model.ts';
import type { ExchangeView } from './exchange-view.ts';
import { readValue } from './read-value.ts';

export type ConditionResult = { holds: boolean; description: string; actual: string };

/** Evaluates a poll condition; `description` and `actual` make the waiting and timeout messages. */
export function evaluateCondition(condition: Condition, view: ExchangeView, resolveTemplate: (template: string) => string): ConditionResult {
  const read = readValue(condition.source, view, resolveTemplate);
  const expected = resolveTemplate(condition.value);
  const subject = describeSource(condition);
  const actual = read.found ? JSON.stringify(read.value) : `nothing (${read.reason})`;
  switch (condition.operator) {
    case 'exists':
      return { holds: read.found, description: `${subject} exists`, actual };
    case 'missing':
      return { holds: !read.found, description: `${subject} is missing`, actual };
    case 'equals':
      return { holds: read.found && read.value === expected, description: `${subject} equals ${JSON.stringify(expected)}`, actual };
    case 'not-equals':
      return { holds: read.found && read.value !== expected, description: `${subject} is not ${JSON.stringify(expected)}`, actual };
    case 'contains':
      return { holds: read.found && read.value.includes(expected), description: `${subject} contains ${JSON.stringify(expected)}`, actual };
  }
}

export function describeSource({ source }: Pick<Condition, 'source'>): string {
  switch (source.from) {
    case 'json':
      return source.path;
    case 'header':
      return `header ${source.name}`;
    case 'status':
      return 'the status';
    case 'sent-header':
      return `sent header ${source.name}`;
    case 'sent-json':
      return `sent ${source.path}`;
    case 'value':
      return source.template;
  }
}
