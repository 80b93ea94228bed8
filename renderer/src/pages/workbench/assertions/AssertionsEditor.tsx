import { useState } from 'react';
import type { Assertion, AssertionKind } from '../../../../../main/contract/assertions.ts';
import { AssertionRow } from './AssertionRow.tsx';
import { KIND_LABELS, KINDS, newAssertion } from './new-assertion.ts';

type Props = { assertions: readonly Assertion[] | undefined; onChange: (assertions: Assertion[]) => void };

/** The request's assertions: checked in main after every send, from the app, `run`, `run-collection` and flows. */
export function AssertionsEditor({ assertions, onChange }: Props) {
  const list = assertions ?? [];
  const [kind, setKind] = useState<AssertionKind>('status');
  const replace = (index: number, assertion: Assertion) => onChange(list.map((old, at) => (at === index ? assertion : old)));
  return (
    <div className="wb-pairs" role="group" aria-label="Assertions">
      {list.length === 0 && <p className="hint">No assertions yet. They are checked after each send; the CLI exits 7 when one fails.</p>}
      {list.map((assertion, index) => (
        <AssertionRow key={index} assertion={assertion} position={index + 1} onChange={(next) => replace(index, next)} onRemove={() => onChange(list.filter((_, at) => at !== index))} />
      ))}
      <div className="wb-pair">
        <select aria-label="New assertion kind" value={kind} onChange={(event) => setKind(event.target.value as AssertionKind)}>
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {KIND_LABELS[option]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => onChange([...list, newAssertion(kind)])}>
          + Add assertion
        </button>
      </div>
    </div>
  );
}
