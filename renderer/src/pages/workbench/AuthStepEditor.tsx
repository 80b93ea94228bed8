import { useState } from 'react';
import type { AuthStep, AuthType } from '../../../../main/contract/auth.ts';
import { newStep, SCHEME_FIELDS, SCHEME_LABELS, type FieldSpec } from './auth-schemes.ts';
import { SecretPicker } from './SecretPicker.tsx';

// Optional fields: cleared means absent (realm is not here: an empty realm is sent as realm="").
const OPTIONAL = new Set(['scope', 'token', 'tokenSecret', 'consumerSecret', 'privateKey', 'privateKeyPassphrase', 'targetEnvironment', 'baseUrl', 'timestampField']);

type Props = { step: AuthStep; index: number; secretNames: readonly string[]; onChange: (step: AuthStep) => void; onRemove: () => void };

export function AuthStepEditor({ step, index, secretNames, onChange, onRemove }: Props) {
  const fields = step as unknown as Record<string, unknown>;
  const set = (key: string, value: unknown) => {
    const cleared = value === '' && OPTIONAL.has(key);
    const next = Object.fromEntries([...Object.entries(fields).filter(([name]) => name !== key), ...(cleared ? [] : [[key, value] as const])]);
    onChange(next as unknown as AuthStep);
  };
  return (
    <fieldset className="wb-step" data-testid="auth-step">
      <legend>
        Step {index + 1}:{' '}
        <select aria-label={`Scheme of step ${index + 1}`} value={step.type} onChange={(event) => onChange(newStep(event.target.value as AuthType))}>
          {Object.entries(SCHEME_LABELS).map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>{' '}
        <button type="button" className="danger" onClick={onRemove}>
          Remove step
        </button>
      </legend>
      <div className="wb-fields">
        {SCHEME_FIELDS[step.type].map((spec) => (
          <label key={spec.key}>
            <span>{spec.label}</span>
            <FieldInput spec={spec} value={fields[spec.key]} secretNames={secretNames} onChange={(value) => set(spec.key, value)} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function FieldInput({ spec, value, secretNames, onChange }: { spec: FieldSpec; value: unknown; secretNames: readonly string[]; onChange: (value: unknown) => void }) {
  const text = typeof value === 'string' ? value : '';
  switch (spec.kind) {
    case 'secret':
      return <SecretPicker label={spec.label} value={text} names={secretNames} onChange={onChange} />;
    case 'select':
      return (
        <select aria-label={spec.label} value={text} onChange={(event) => onChange(event.target.value)}>
          {spec.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      );
    case 'boolean':
      return <input type="checkbox" aria-label={spec.label} checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case 'json':
      return <JsonField label={spec.label} value={value} onChange={onChange} />;
    case 'text':
      return <input aria-label={spec.label} value={text} onChange={(event) => onChange(event.target.value)} />;
  }
}

/** Structured fields edited as JSON; the value changes only when the text parses. */
function JsonField({ label, value, onChange }: { label: string; value: unknown; onChange: (value: unknown) => void }) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <textarea
        aria-label={label}
        rows={4}
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange(JSON.parse(event.target.value));
            setProblem(null);
          } catch {
            setProblem('Not valid JSON yet; the last valid value is kept.');
          }
        }}
      />
      {problem && <span className="warn">{problem}</span>}
    </>
  );
}
