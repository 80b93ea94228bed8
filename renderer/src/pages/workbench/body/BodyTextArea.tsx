import { useId } from 'react';
import { indentKey } from './tab-indent.ts';

/** A body text editor where Tab indents; the hint says how to leave it with the keyboard. */
export function BodyTextArea({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) {
  const hintId = useId();
  return (
    <>
      <textarea
        aria-label={label}
        aria-describedby={hintId}
        rows={12}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => indentKey(event, onChange)}
      />
      <p className="hint" id={hintId}>
        Tab indents here (Shift+Tab outdents). To leave the field with the keyboard, press Esc, then Tab.
      </p>
    </>
  );
}
