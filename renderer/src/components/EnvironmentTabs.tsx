import { useState } from 'react';

/** Sandbox / UAT / Production plus any environment the user names: the vault and the keys are kept per environment. */
export function EnvironmentTabs(props: { environments: readonly string[]; current: string; onSelect: (environment: string) => void }) {
  const [other, setOther] = useState('');
  return (
    <div className="env-tabs">
      {/* Only tabs inside the tablist: the field for another environment sits beside it. */}
      <div className="env-tab-list" role="tablist" aria-label="Environment">
        {props.environments.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === props.current}
            className={name === 'Production' ? 'env-tab production' : 'env-tab'}
            onClick={() => props.onSelect(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (other.trim()) props.onSelect(other.trim());
          setOther('');
        }}
      >
        <input aria-label="Another environment" placeholder="Another environment" value={other} onChange={(event) => setOther(event.target.value)} />
      </form>
    </div>
  );
}
