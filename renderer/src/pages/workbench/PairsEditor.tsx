import type { KeyValue } from '../../../../main/contract/workspace.ts';

/** Editable name/value rows (params, headers, form fields); unticked rows are kept but not sent. */
export function PairsEditor({ label, pairs, onChange }: { label: string; pairs: KeyValue[]; onChange: (pairs: KeyValue[]) => void }) {
  const update = (index: number, change: Partial<KeyValue>) => onChange(pairs.map((pair, at) => (at === index ? { ...pair, ...change } : pair)));
  return (
    <div className="wb-pairs" aria-label={label} role="group">
      {pairs.length === 0 && <p className="hint">No {label.toLowerCase()} yet.</p>}
      {pairs.map((pair, index) => (
        <div className="wb-pair" key={index}>
          <input type="checkbox" aria-label={`Send ${label} ${index + 1}`} checked={pair.enabled} onChange={(event) => update(index, { enabled: event.target.checked })} />
          <input aria-label={`${label} ${index + 1} name`} placeholder="name" value={pair.name} onChange={(event) => update(index, { name: event.target.value })} />
          <input aria-label={`${label} ${index + 1} value`} placeholder="value" value={pair.value} onChange={(event) => update(index, { value: event.target.value })} />
          <button type="button" aria-label={`Remove ${label} ${index + 1}`} onClick={() => onChange(pairs.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...pairs, { name: '', value: '', enabled: true }])}>
        + Add
      </button>
    </div>
  );
}
