import type { ReactNode } from 'react';

type Pair = { name: string; value: string; enabled: boolean };
type Change = Partial<Pair>;

type Props<T extends Pair> = {
  label: string;
  pairs: readonly T[];
  onChange: (pairs: T[]) => void;
  /** How a row takes an edit (the Params table keeps each row's URL text in step); a plain merge by default. */
  edit?: (row: T, change: Change) => T;
  /** A new, blank row; `{ name: '', value: '', enabled: true }` by default. */
  blank?: () => T;
  /** Shown under a row (e.g. what its `{{variables}}` resolve to). */
  below?: (row: T, index: number) => ReactNode;
};

const merge = <T extends Pair>(row: T, change: Change): T => ({ ...row, ...change });

/** Editable name/value rows (params, headers, form fields); unticked rows are kept but not sent. */
export function PairsEditor<T extends Pair>({ label, pairs, onChange, edit = merge, blank, below }: Props<T>) {
  const update = (index: number, change: Change) => onChange(pairs.map((pair, at) => (at === index ? edit(pair, change) : pair)));
  const add = () => onChange([...pairs, blank ? blank() : ({ name: '', value: '', enabled: true } as T)]);
  return (
    <div className="wb-pairs" aria-label={label} role="group">
      {pairs.length === 0 && <p className="hint">No {label.toLowerCase()} yet.</p>}
      {pairs.map((pair, index) => (
        <div className="wb-pair-block" key={index}>
          <div className="wb-pair">
            <input type="checkbox" aria-label={`Send ${label} ${index + 1}`} checked={pair.enabled} onChange={(event) => update(index, { enabled: event.target.checked })} />
            <input aria-label={`${label} ${index + 1} name`} placeholder="name" value={pair.name} onChange={(event) => update(index, { name: event.target.value })} />
            <input aria-label={`${label} ${index + 1} value`} placeholder="value" value={pair.value} onChange={(event) => update(index, { value: event.target.value })} />
            <button type="button" aria-label={`Remove ${label} ${index + 1}`} onClick={() => onChange(pairs.filter((_, at) => at !== index))}>
              ×
            </button>
          </div>
          {below?.(pair, index)}
        </div>
      ))}
      <button type="button" onClick={add}>
        + Add
      </button>
    </div>
  );
}
