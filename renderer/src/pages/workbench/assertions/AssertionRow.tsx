import type { Assertion } from '../../../../../main/contract/assertions.ts';
import { KIND_LABELS, problemOf } from './new-assertion.ts';

const TYPES = ['string', 'number', 'boolean', 'object', 'array', 'null'];

type Props = { assertion: Assertion; position: number; onChange: (assertion: Assertion) => void; onRemove: () => void };

/** One assertion's fields, by kind. */
export function AssertionRow({ assertion, position, onChange, onRemove }: Props) {
  const name = `Assertion ${position}`;
  const problem = problemOf(assertion);
  return (
    <div className="wb-step" role="group" aria-label={name} data-testid="assertion-row" style={{ padding: '6px 8px', width: '100%' }}>
      <div className="wb-pair">
        <input type="checkbox" aria-label={`Check ${name}`} checked={assertion.enabled} onChange={(event) => onChange({ ...assertion, enabled: event.target.checked })} />
        <strong>{KIND_LABELS[assertion.kind]}</strong>
        <Fields assertion={assertion} name={name} onChange={onChange} />
        <button type="button" aria-label={`Remove ${name}`} onClick={onRemove}>
          ×
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function Fields({ assertion, name, onChange }: { assertion: Assertion; name: string; onChange: (assertion: Assertion) => void }) {
  switch (assertion.kind) {
    case 'status':
      return <input aria-label={`${name} status`} placeholder="200 or 2xx" value={assertion.expected} onChange={(event) => onChange({ ...assertion, expected: event.target.value.trim() })} />;
    case 'header':
      return (
        <>
          <input aria-label={`${name} header name`} placeholder="Content-Type" value={assertion.name} onChange={(event) => onChange({ ...assertion, name: event.target.value })} />
          <select aria-label={`${name} check`} value={assertion.op} onChange={(event) => onChange({ ...assertion, op: event.target.value as typeof assertion.op })}>
            <option value="equals">equals</option>
            <option value="contains">contains</option>
            <option value="exists">exists</option>
            <option value="not-exists">is absent</option>
          </select>
          {(assertion.op === 'equals' || assertion.op === 'contains') && (
            <input aria-label={`${name} value`} placeholder="value" value={assertion.value} onChange={(event) => onChange({ ...assertion, value: event.target.value })} />
          )}
        </>
      );
    case 'jsonpath':
      return (
        <>
          <input aria-label={`${name} JSONPath`} placeholder="$.status" value={assertion.path} onChange={(event) => onChange({ ...assertion, path: event.target.value })} />
          <select aria-label={`${name} check`} value={assertion.op} onChange={(event) => onChange({ ...assertion, op: event.target.value as typeof assertion.op, value: event.target.value === 'type' ? 'string' : assertion.value })}>
            <option value="equals">equals</option>
            <option value="not-equals">does not equal</option>
            <option value="contains">contains</option>
            <option value="exists">exists</option>
            <option value="not-exists">is absent</option>
            <option value="type">is of type</option>
          </select>
          {assertion.op === 'type' ? (
            <select aria-label={`${name} type`} value={assertion.value} onChange={(event) => onChange({ ...assertion, value: event.target.value })}>
              {TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          ) : (
            assertion.op !== 'exists' &&
            assertion.op !== 'not-exists' && (
              <input aria-label={`${name} value`} placeholder='READY, 42, true or {"a":1}' value={assertion.value} onChange={(event) => onChange({ ...assertion, value: event.target.value })} />
            )
          )}
        </>
      );
    case 'body-contains':
      return (
        <>
          <select aria-label={`${name} check`} value={assertion.negate ? 'not' : 'contains'} onChange={(event) => onChange({ ...assertion, negate: event.target.value === 'not' })}>
            <option value="contains">contains</option>
            <option value="not">does not contain</option>
          </select>
          <input aria-label={`${name} text`} value={assertion.value} onChange={(event) => onChange({ ...assertion, value: event.target.value })} />
        </>
      );
    case 'response-time':
      return (
        <label>
          below{' '}
          <input
            type="number"
            min={1}
            aria-label={`${name} milliseconds`}
            value={assertion.belowMs}
            onChange={(event) => onChange({ ...assertion, belowMs: Math.round(Number(event.target.value)) })}
          />{' '}
          ms
        </label>
      );
    case 'json-schema':
      return <textarea aria-label={`${name} schema`} rows={4} spellCheck={false} value={assertion.schema} onChange={(event) => onChange({ ...assertion, schema: event.target.value })} style={{ flex: 1 }} />;
  }
}
