import type { SandboxStatus } from '../../../main/contract/sandbox.ts';
import { useApi } from '../api/context.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useAction } from '../components/use-action.ts';
import { useChannel } from '../state/use-channel.ts';

const GATEWAY_LABEL = { paynet: 'PayNet OSP', momo: 'MTN MoMo', centagate: 'CENTAGATE', elecsnet: 'Elecsnet' } as const;

/** The built-in sandbox gateways: whether they run, where, and a switch. */
export function SandboxCard() {
  const api = useApi();
  const { busy, error, run } = useAction();
  const sandbox = useChannel('sandbox:status', {}, { invalidateOn: ['sandbox:changed'] });
  // Unknown (main did not answer) reads as stopped, with Start offered.
  const status: SandboxStatus | null = sandbox.isError ? { running: false } : (sandbox.data ?? null);

  return (
    <section className="card" aria-labelledby="sandbox-title" data-testid="sandbox-card">
      <h3 id="sandbox-title">Built-in sandbox</h3>
      <p className="hint">
        Local stand-ins for the four gateways, with fixed test credentials, so every sample can be sent without an account.
      </p>
      {status?.running ? (
        <>
          <p data-testid="sandbox-status">
            Running at <code>{status.url}</code>
          </p>
          <dl className="facts">
            {(Object.keys(GATEWAY_LABEL) as (keyof typeof GATEWAY_LABEL)[]).map((key) => (
              <div key={key} className="fact-row">
                <dt>{GATEWAY_LABEL[key]}</dt>
                <dd>
                  <code>{status.gateways[key]}</code>
                </dd>
              </div>
            ))}
          </dl>
          <button type="button" disabled={busy} onClick={() => void run(() => api.invoke['sandbox:stop']({}))}>
            Stop sandbox
          </button>
        </>
      ) : (
        <>
          <p data-testid="sandbox-status">Stopped.</p>
          <button type="button" className="primary" disabled={busy || status === null} onClick={() => void run(() => api.invoke['sandbox:start']({}))}>
            Start sandbox
          </button>
        </>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
