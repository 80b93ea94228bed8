import { useEffect, useState } from 'react';
import type { AuthChain } from '../../../../main/contract/auth.ts';
import type { AuthSetting } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { newStep, schemeLabel, useAuthSchemes, type AuthSchemes } from './auth-schemes.ts';
import { AuthStepEditor } from './AuthStepEditor.tsx';

type Props = { requestId: string; auth: AuthSetting; secretNames: readonly string[]; onChange: (auth: AuthSetting) => void };

// What a new chain, or a step added to one, starts with.
const FIRST_SCHEME = 'bearer';

export function AuthEditor({ requestId, auth, secretNames, onChange }: Props) {
  const { schemes, error } = useAuthSchemes();
  const choose = (mode: AuthSetting['mode']) => {
    if (auth.mode === mode) return;
    if (mode !== 'chain') onChange({ mode });
    else if (schemes) onChange({ mode, steps: [newStep(schemes, FIRST_SCHEME)] });
  };
  return (
    <div className="wb-auth">
      <div role="radiogroup" aria-label="Auth mode" className="wb-segments">
        {(['inherit', 'none', 'chain'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={auth.mode === mode}
            disabled={mode === 'chain' && auth.mode !== 'chain' && schemes === null}
            onClick={() => choose(mode)}
          >
            {mode === 'inherit' ? 'Inherit from folder / collection' : mode === 'none' ? 'No auth' : 'Own chain of steps'}
          </button>
        ))}
      </div>
      {error && <p className="warn">The auth schemes could not be loaded: {error}</p>}
      {auth.mode === 'inherit' && <InheritedAuth requestId={requestId} schemes={schemes} />}
      {auth.mode === 'none' && <p className="hint">Sent without any auth, even if a folder or the collection has one.</p>}
      {auth.mode === 'chain' && !schemes && !error && <p className="hint">Loading the auth schemes…</p>}
      {auth.mode === 'chain' && schemes && (
        <>
          {auth.steps.map((step, index) => (
            <AuthStepEditor
              key={index}
              schemes={schemes}
              step={step}
              index={index}
              secretNames={secretNames}
              onChange={(next) => onChange({ mode: 'chain', steps: auth.steps.map((old, at) => (at === index ? next : old)) })}
              onRemove={() => onChange({ mode: 'chain', steps: auth.steps.filter((_, at) => at !== index) })}
            />
          ))}
          <button type="button" onClick={() => onChange({ mode: 'chain', steps: [...auth.steps, newStep(schemes, FIRST_SCHEME)] })}>
            + Add a step
          </button>
        </>
      )}
    </div>
  );
}

/** What "inherit" resolves to right now, as saved in the workspace. */
function InheritedAuth({ requestId, schemes }: { requestId: string; schemes: AuthSchemes | null }) {
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
      {chain.length === 0 ? 'Nothing to inherit: sent without auth.' : `Inherits: ${chain.map((step) => schemeLabel(schemes, step.type)).join(' → ')}.`}
    </p>
  );
}
