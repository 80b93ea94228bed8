import { useState } from 'react';
import type { Environment } from '../../../../main/contract/workspace.ts';
import { EnvironmentDialog } from './EnvironmentDialog.tsx';
import { NewEnvironmentDialog } from './NewEnvironmentDialog.tsx';
import type { EnvironmentsView } from './use-environments.ts';

/** A colour per kind of environment: protected ones are always red, the local sandbox green. */
export function environmentTone(environment: Environment): string {
  if (environment.protected) return 'protected';
  if (environment.builtInSandbox || /sandbox|local|dev/i.test(environment.name)) return 'sandbox';
  return 'staging';
}

export function EnvironmentBar({ collectionId, collectionName, view }: { collectionId: string | undefined; collectionName: string | undefined; view: EnvironmentsView }) {
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (!collectionName || !collectionId) return <div className="wb-envbar empty">Open a request to choose its environment.</div>;
  const active = view.active;
  return (
    <div className={`wb-envbar tone-${active ? environmentTone(active) : 'none'}`} data-testid="environment-bar">
      <span className="wb-envbar-label">{collectionName} ·</span>
      <div role="radiogroup" aria-label="Environment" className="wb-env-choices">
        {view.environments.map((environment) => (
          <button
            key={environment.id}
            type="button"
            role="radio"
            aria-checked={environment.id === active?.id}
            className={`wb-env tone-${environmentTone(environment)}`}
            onClick={() => view.select(environment.id)}
          >
            {environment.name}
            {environment.protected && ' (protected)'}
          </button>
        ))}
      </div>
      {active?.protected && (
        <strong className="wb-protected-badge" data-testid="protected-badge">
          {active.name.toUpperCase()} · protected: every send asks first
        </strong>
      )}
      {active?.network?.verifyTls === false && (
        <strong className="wb-tls-off-badge error" role="alert" data-testid="tls-off-badge">
          TLS verification OFF for {active.name}: responses can be forged on the way
        </strong>
      )}
      {active?.network?.proxy && <span className="hint">via proxy {active.network.proxy.url}</span>}
      {active && (
        <button type="button" onClick={() => setEditing(true)}>
          Variables…
        </button>
      )}
      <button type="button" aria-label="New environment" title="New environment" onClick={() => setAdding(true)}>
        +
      </button>
      {view.error && <span className="warn">{view.error}</span>}
      {adding && <NewEnvironmentDialog collectionId={collectionId} onCreated={view.select} onClose={() => setAdding(false)} />}
      {editing && active && <EnvironmentDialog key={active.id} collectionId={collectionId} environment={active} onClose={() => setEditing(false)} />}
    </div>
  );
}
