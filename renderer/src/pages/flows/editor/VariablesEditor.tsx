import { newVariable, type VariableDraft } from './draft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssueIndex } from './issues.ts';

/** The flow's variables and their start values (templates drawn once when a run starts). */
export function VariablesEditor({ variables, issues, onChange }: { variables: VariableDraft[]; issues: IssueIndex; onChange: (variables: VariableDraft[]) => void }) {
  const update = (index: number, change: Partial<VariableDraft>) => onChange(variables.map((variable, at) => (at === index ? { ...variable, ...change } : variable)));
  return (
    <div className="fe-variables" role="group" aria-label="Variables">
      <p className="hint">
        Steps use them as <code>{'{{name}}'}</code>. A start value is a template: <code>{'{{$uuid}}'}</code> and <code>{'{{$timestamp}}'}</code> are drawn once per run,{' '}
        <code>{'{{$inboxUrl}}'}</code> is the callback inbox’s address (it starts when the flow runs), and <code>{'{{name}}'}</code> reads the environment. Captures add more
        variables as the run goes.
      </p>
      {variables.map((variable, index) => {
        const number = String(index + 1);
        const nameIssues = issues.at(`flow.variables.${String(index)}.name`);
        const valueIssues = issues.at(`flow.variables.${String(index)}.value`);
        return (
          <div className="fe-variable" key={variable.key}>
            <span>
              <input
                className="fe-code"
                aria-label={`Variable ${number} name`}
                aria-invalid={nameIssues.length > 0 || undefined}
                placeholder="name"
                value={variable.name}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <FieldIssues messages={nameIssues} />
            </span>
            <span>
              <input
                className="fe-code"
                aria-label={`Variable ${number} start value`}
                aria-invalid={valueIssues.length > 0 || undefined}
                placeholder="{{$uuid}}"
                value={variable.value}
                onChange={(event) => update(index, { value: event.target.value })}
              />
              <FieldIssues messages={valueIssues} />
            </span>
            <button type="button" aria-label={`Remove variable ${number}`} onClick={() => onChange(variables.filter((_, at) => at !== index))}>
              ×
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...variables, newVariable()])}>
        + Add variable
      </button>
    </div>
  );
}
