import { useId } from 'react';
import type { KeySize } from '../../../../main/contract/keys.ts';
import { PUBLIC_EXPONENT, SIZES } from './limits.ts';

const SIZE_NOTE: Readonly<Record<KeySize, string>> = {
  2048: 'minimum most gateways accept',
  3072: '',
  4096: 'recommended; what the Elecsnet guide uses',
};

export function SizePicker({ value, onChange, disabled }: { value: KeySize; onChange: (bits: KeySize) => void; disabled?: boolean }) {
  const id = useId();
  return (
    <fieldset className="size-picker" disabled={disabled}>
      <legend>Key size</legend>
      {SIZES.map((bits) => (
        <label key={bits} className="radio" htmlFor={`${id}-${bits}`}>
          <input
            id={`${id}-${bits}`}
            type="radio"
            name={`${id}-size`}
            value={bits}
            checked={value === bits}
            onChange={() => onChange(bits)}
          />
          {bits} bits{SIZE_NOTE[bits] ? ` (${SIZE_NOTE[bits]})` : ''}
        </label>
      ))}
      <p className="hint">Public exponent {PUBLIC_EXPONENT}.</p>
    </fieldset>
  );
}
