import { secretRefName } from './auth-schemes.ts';

/**
 * A secret field: a choice of vault entry names, stored as `{{secret:name}}`.
 * Values never come to the renderer, so there is nothing to show but names.
 */
export function SecretPicker({ label, value, names, onChange }: { label: string; value: string; names: readonly string[]; onChange: (value: string) => void }) {
  const current = secretRefName(value);
  const other = value !== '' && current === null;
  const options = current !== null && !names.includes(current) ? [...names, current] : names;
  return (
    <select aria-label={label} value={other ? '__other' : (current ?? '')} onChange={(event) => onChange(event.target.value ? `{{secret:${event.target.value}}}` : '')}>
      <option value="">— none —</option>
      {other && (
        <option value="__other" disabled>
          (a value that is not a vault entry: pick one to replace it)
        </option>
      )}
      {options.map((name) => (
        <option key={name} value={name}>
          {name}
          {names.includes(name) ? '' : ' (not in this environment’s vault)'}
        </option>
      ))}
    </select>
  );
}
