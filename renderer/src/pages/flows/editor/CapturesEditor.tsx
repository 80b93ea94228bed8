import { newCapture, type CaptureDraft, type TargetKind } from './draft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssueIndex } from './issues.ts';
import { SourceFields, type ReadsFrom } from './SourceFields.tsx';

const TARGETS: { kind: TargetKind; label: string; field: string }[] = [
  { kind: 'variable', label: 'Flow variable', field: 'variable name' },
  { kind: 'secret', label: 'Vault secret', field: 'secret name' },
  { kind: 'environment', label: 'Environment variable', field: 'environment variable name' },
];

/** Ids of the <datalist>s the editor renders once, so each row can suggest names. */
export type NameLists = { variable: string; secret: string; environment: string };

type Props = {
  captures: CaptureDraft[];
  readsFrom: ReadsFrom;
  /** e.g. `flow.steps.1`: where this step's issues are reported. */
  path: string;
  issues: IssueIndex;
  lists: NameLists;
  onChange: (captures: CaptureDraft[]) => void;
};

/** A step's captures: each reads one value and puts it in a flow variable, a vault secret or an environment variable. */
export function CapturesEditor({ captures, readsFrom, path, issues, lists, onChange }: Props) {
  const update = (index: number, change: Partial<CaptureDraft>) => onChange(captures.map((capture, at) => (at === index ? { ...capture, ...change } : capture)));
  return (
    <div className="fe-captures" role="group" aria-label="Captures">
      <span className="fe-subhead">Captures</span>
      {captures.length === 0 && <p className="hint">Nothing captured. A capture keeps a value for later steps as {'{{name}}'}, or stores it.</p>}
      {captures.map((capture, index) => {
        const label = `Capture ${String(index + 1)}`;
        const at = `${path}.captures.${String(index)}`;
        const target = TARGETS.find((candidate) => candidate.kind === capture.target.to) ?? TARGETS[0];
        const nameIssues = issues.at(`${at}.target.name`);
        return (
          <div className="fe-capture" key={capture.key} data-testid="capture-row">
            <SourceFields label={label} source={capture.source} readsFrom={readsFrom} path={`${at}.source`} issues={issues} onChange={(source) => update(index, { source })} />
            <span className="fe-arrow" aria-hidden="true">
              →
            </span>
            <span className="fe-target">
              <select
                aria-label={`${label} target`}
                value={capture.target.to}
                onChange={(event) => update(index, { target: { ...capture.target, to: event.target.value as TargetKind } })}
              >
                {TARGETS.map((option) => (
                  <option key={option.kind} value={option.kind}>
                    {option.label}
                  </option>
                ))}
              </select>
              <input
                className="fe-code"
                aria-label={`${label} ${target?.field ?? 'name'}`}
                aria-invalid={nameIssues.length > 0 || undefined}
                list={lists[capture.target.to]}
                placeholder={capture.target.to === 'secret' ? 'momo.api_key' : 'reportId'}
                value={capture.target.name}
                onChange={(event) => update(index, { target: { ...capture.target, name: event.target.value } })}
              />
              <FieldIssues messages={nameIssues} />
            </span>
            <button type="button" aria-label={`Remove capture ${String(index + 1)}`} onClick={() => onChange(captures.filter((_, at) => at !== index))}>
              ×
            </button>
            {capture.target.to === 'secret' && <p className="hint fe-wide">Stored in the vault of the environment the flow runs on; its value is never shown.</p>}
            {capture.target.to === 'environment' && <p className="hint fe-wide">Written to the environment, so it stays after the run.</p>}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...captures, newCapture()])}>
        + Add capture
      </button>
    </div>
  );
}
