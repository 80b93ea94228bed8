import type { ConditionOperator } from '../../../../../main/contract/flow-model.ts';
import type { PollDraft } from './draft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssueIndex } from './issues.ts';
import { SourceFields } from './SourceFields.tsx';

// Re-declared: the renderer takes only types from main.
const OPERATORS: { value: ConditionOperator; label: string }[] = [
  { value: 'equals', label: 'equals' },
  { value: 'not-equals', label: 'does not equal' },
  { value: 'contains', label: 'contains' },
  { value: 'exists', label: 'exists' },
  { value: 'missing', label: 'is missing' },
];

type NumberField = 'intervalSeconds' | 'timeoutSeconds' | 'maxAttempts';
const NUMBERS: { key: NumberField; label: string; min: number; step: string }[] = [
  { key: 'intervalSeconds', label: 'Interval (s)', min: 0.05, step: 'any' },
  { key: 'timeoutSeconds', label: 'Timeout (s)', min: 0.1, step: 'any' },
  { key: 'maxAttempts', label: 'Max attempts', min: 1, step: '1' },
];

/** Repeat the request until a condition on its response holds, within a time and attempt budget. */
export function PollEditor({ poll, path, issues, onChange }: { poll: PollDraft; path: string; issues: IssueIndex; onChange: (poll: PollDraft) => void }) {
  const valueIssues = issues.at(`${path}.until.value`);
  const needsValue = poll.operator !== 'exists' && poll.operator !== 'missing';
  return (
    <div className="fe-poll" role="group" aria-label="Poll">
      <div className="fe-row">
        <span>Until</span>
        <SourceFields label="Condition" source={poll.source} readsFrom="response" path={`${path}.until.source`} issues={issues} onChange={(source) => onChange({ ...poll, source })} />
        <select aria-label="Condition operator" value={poll.operator} onChange={(event) => onChange({ ...poll, operator: event.target.value as ConditionOperator })}>
          {OPERATORS.map((operator) => (
            <option key={operator.value} value={operator.value}>
              {operator.label}
            </option>
          ))}
        </select>
        {needsValue && (
          <span>
            <input
              className="fe-code"
              aria-label="Condition value"
              aria-invalid={valueIssues.length > 0 || undefined}
              placeholder="READY"
              value={poll.value}
              onChange={(event) => onChange({ ...poll, value: event.target.value })}
            />
            <FieldIssues messages={valueIssues} />
          </span>
        )}
      </div>
      <div className="fe-row">
        {NUMBERS.map((field) => {
          const messages = issues.at(`${path}.${field.key}`);
          return (
            <label key={field.key} className="fe-number">
              <span>{field.label}</span>
              <input
                type="number"
                min={field.min}
                step={field.step}
                aria-label={field.label}
                aria-invalid={messages.length > 0 || undefined}
                value={poll[field.key]}
                onChange={(event) => onChange({ ...poll, [field.key]: event.target.value })}
              />
              <FieldIssues messages={messages} />
            </label>
          );
        })}
      </div>
      <p className="hint">The step fails with a timeout message when the time or the attempts run out first.</p>
    </div>
  );
}
