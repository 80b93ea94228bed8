import { useId, useState } from 'react';
import type { VariableFact } from '../../../../../main/contract/variables.ts';
import { describeFact } from './describe-fact.ts';

type Props = { text: string; name: string; resolved: boolean; fact: VariableFact | undefined };

/** One `{{name}}`: hover or focus it to see its value (never a secret's) and where it comes from. */
export function VariableMark({ text, name, resolved, fact }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const described = fact ? describeFact(fact) : null;
  const ok = described ? !described.problem : resolved;
  return (
    <span className="wb-var-anchor" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <mark
        tabIndex={0}
        className={ok ? 'wb-var ok' : 'wb-var missing'}
        aria-describedby={open ? id : undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {text}
      </mark>
      {open && (
        <span role="tooltip" id={id} className="wb-var-tip">
          <code>{name}</code>
          {described ? (
            <>
              {described.value !== null && (
                <>
                  {' = '}
                  <code className="wb-var-value">{described.value}</code>
                </>
              )}
              <span className="wb-var-source">{described.source}</span>
            </>
          ) : (
            <span className="wb-var-source">{resolved ? 'defined here' : 'not defined in this environment'}</span>
          )}
        </span>
      )}
    </span>
  );
}
