import { useId } from 'react';

/** A new passphrase typed twice; the caller learns whether they match and are long enough. */
export function PassphraseFields(props: {
  value: string;
  confirm: string;
  onChange: (value: string, confirm: string) => void;
  label?: string;
  minLength: number;
}) {
  const id = useId();
  const mismatch = props.confirm !== '' && props.value !== props.confirm;
  return (
    <>
      <label htmlFor={`${id}-new`}>{props.label ?? 'Passphrase'}</label>
      <input
        id={`${id}-new`}
        type="password"
        autoComplete="new-password"
        value={props.value}
        minLength={props.minLength}
        onChange={(event) => props.onChange(event.target.value, props.confirm)}
      />
      <label htmlFor={`${id}-confirm`}>Repeat it</label>
      <input
        id={`${id}-confirm`}
        type="password"
        autoComplete="new-password"
        value={props.confirm}
        aria-invalid={mismatch}
        onChange={(event) => props.onChange(props.value, event.target.value)}
      />
      {mismatch && <p className="hint warn">The two passphrases differ.</p>}
    </>
  );
}

export function passphraseReady(value: string, confirm: string, minLength: number): boolean {
  return value.length >= minLength && value === confirm;
}
