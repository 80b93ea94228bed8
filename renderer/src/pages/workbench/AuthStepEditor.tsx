import { useState } from 'react';
import type { AuthStep, AuthType } from '../../../../main/contract/auth.ts';
import { newStep, type AuthFieldDescription, type AuthSchemes } from './auth-schemes.ts';
import { SecretPicker } from './SecretPicker.tsx';

type Props = {
  schemes: AuthSchemes;
  step: AuthStep;
  index: number;
  secretNames: readonly string[];
  onChange: (step: AuthStep) => void;
  onRemove: () => void;
};

/** One step of a chain, drawn from main's description of its scheme (auth:schemes). */
export function AuthStepEditor({ schemes, step, index, secretNames, onChange, onRemove }: Props) {
  const fields = step as unknown as Record<string, unknown>;
  const scheme = schemes.byType.get(step.type);
  const set = (field: AuthFieldDescription, value: unknown) => {
    // An optional field emptied is removed, not kept as '' (OAuth 1.0a's realm is not optional here: '' sends realm="").
    const cleared = value === '' && field.optional;
    const next = Object.fromEntries([...Object.entries(fields).filter(([name]) => name !== field.key), ...(cleared ? [] : [[field.key, value] as const])]);
    onChange(next as unknown as AuthStep);
  };
  return (
    <fieldset className="wb-step" data-testid="auth-step">
      <legend>
        Step {index + 1}:{' '}
        <select aria-label={`Scheme of step ${index + 1}`} value={step.type} onChange={(event) => onChange(newStep(schemes, event.target.value as AuthType))}>
          {schemes.list.map((option) => (
            <option key={option.type} value={option.type}>
              {option.label}
            </option>
          ))}
        </select>{' '}
        <button type="button" className="danger" onClick={onRemove}>
          Remove step
        </button>
      </legend>
      {scheme?.help && <p className="hint">{scheme.help}</p>}
      <div className="wb-fields">
        {(scheme?.fields ?? []).map((field) => (
          <label key={field.key} title={field.help}>
            <span>{field.label}</span>
            <FieldInput field={field} value={fields[field.key]} secretNames={secretNames} onChange={(value) => set(field, value)} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function FieldInput({ field, value, secretNames, onChange }: { field: AuthFieldDescription; value: unknown; secretNames: readonly string[]; onChange: (value: unknown) => void }) {
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'secret':
      return <SecretPicker label={field.label} value={text} names={secretNames} onChange={onChange} />;
    case 'select':
      return (
        <select aria-label={field.label} value={typeof value === 'string' ? value : typeof field.default === 'string' ? field.default : ''} onChange={(event) => onChange(event.target.value)}>
          {(field.options ?? []).map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      );
    case 'boolean':
      return (
        <input
          type="checkbox"
          aria-label={field.label}
          checked={typeof value === 'boolean' ? value : field.default === true}
          onChange={(event) => onChange(event.target.checked)}
        />
      );
    case 'number':
      return (
        <input
          type="number"
          aria-label={field.label}
          value={typeof value === 'number' ? value : ''}
          onChange={(event) => onChange(event.target.value === '' ? '' : Number(event.target.value))}
        />
      );
    case 'json':
      return <JsonField label={field.label} value={value} onChange={onChange} />;
    case 'text':
      return <input aria-label={field.label} value={text} onChange={(event) => onChange(event.target.value)} />;
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
