import type { FlowVariable } from '../../../../main/contract/flow-model.ts';

/** The flow's variables, prefilled with their templates; a changed value replaces the template for the next run. */
export function VariablesForm({ variables, values, disabled, onChange }: { variables: readonly FlowVariable[]; values: Readonly<Record<string, string>>; disabled: boolean; onChange: (name: string, value: string) => void }) {
  if (variables.length === 0) return null;
  return (
    <fieldset className="fl-variables" disabled={disabled}>
      <legend>Variables</legend>
      <p className="hint">
        The flow’s inputs. Templates such as {'{{$yesterday}}'}, {'{{$today}}'} (dates as YYYY-MM-DD, UTC), {'{{$uuid}}'} or {'{{$inboxUrl}}'} are filled in when the run
        starts; change a value to use it as it is.
      </p>
      <div className="wb-fields">
        {variables.map((variable) => {
          const value = values[variable.name] ?? variable.value;
          return (
            <label key={variable.name}>
              <code>{variable.name}</code>
              <span className="fl-variable-field">
                <input aria-label={variable.name} value={value} spellCheck={false} onChange={(event) => onChange(variable.name, event.target.value)} />
                {value !== variable.value && (
                  <button type="button" aria-label={`Reset ${variable.name}`} onClick={() => onChange(variable.name, variable.value)}>
                    Reset
                  </button>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
