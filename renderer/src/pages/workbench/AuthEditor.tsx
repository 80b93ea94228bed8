import { useEffect, useState } from 'react';
import type { AuthChain } from '../../../../main/contract/auth.ts';
import type { AuthSetting } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { newStep, SCHEME_LABELS } from './auth-schemes.ts';
import { AuthStepEditor } from './AuthStepEditor.tsx';

type Props = { requestId: string; auth: AuthSetting; secretNames: readonly string[]; onChange: (auth: AuthSetting) => void };

export function AuthEditor({ requestId, auth, secretNames, onChange }: Props) {
  return (
    <div className="wb-auth">
      <div role="radiogroup" aria-label="Auth mode" className="wb-segments">
        {(['inherit', 'none', 'chain'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={auth.mode === mode}
            onClick={() => auth.mode !== mode && onChange(mode === 'chain' ? { mode, steps: [newStep('bearer')] } : { mode })}
          >
            {mode === 'inherit' ? 'Inherit from folder / collection' : mode === 'none' ? 'No auth' : 'Own chain of steps'}
          </button>
        ))}
      </div>
      {auth.mode === 'inherit' && <InheritedAuth requestId={requestId} />}
      {auth.mode === 'none' && <p className="hint">Sent without any auth, even if a folder or the collection has one.</p>}
      {auth.mode === 'chain' && (
        <>
          {auth.steps.map((step, index) => (
            <AuthStepEditor
              key={index}
              step={step}
              index={index}
              secretNames={secretNames}
              onChange={(next) => onChange({ mode: 'chain', steps: auth.steps.map((old, at) => (at === index ? next : old)) })}
              onRemove={() => onChange({ mode: 'chain', steps: auth.steps.filter((_, at) => at !== index) })}
            />
          ))}
          <button type="button" onClick={() => onChange({ mode: 'chain', steps: [...auth.steps, newStep('bearer')] })}>
            + Add a step
          </button>
        </>
      )}
    </div>
  );
}

/** What "inherit" resolves to right now, as saved in the workspace. */
function InheritedAuth({ requestId }: { requestId: string }) {
  const api = useApi();
  const [chain, setChain] = useState<AuthChain | null>(null);
  useEffect(() => {
    let live = true;
    api.invoke['workspace:effective-auth']({ id: requestId }).then(
      (steps) => live && setChain(steps),
      () => live && setChain(null),
    );
    return () => {
      live = false;
    };
  }, [api, requestId]);
  if (!chain) return null;
  return (
    <p className="hint" data-testid="inherited-auth">
      {chain.length === 0 ? 'Nothing to inherit: sent without auth.' : `Inherits: ${chain.map((step) => SCHEME_LABELS[step.type]).join(' → ')}.`}
    </p>
  );
}
