import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../main/contract/app.ts';
import { useApi } from '../api/context.tsx';
import { errorMessage } from '../api/errors.ts';
import { SandboxCard } from './SandboxCard.tsx';

export function HomePage() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.invoke['app:info']({}).then(setInfo, (reason: unknown) => setError(errorMessage(reason)));
  }, [api]);

  return (
    <section className="page" aria-labelledby="home-title">
      <h2 id="home-title">Welcome to Countersign</h2>
      <p className="lead">
        A workbench for payment-gateway APIs. Credentials stay encrypted in the main process; every signed call is made there
        and explained step by step.
      </p>
      {error && (
        <p role="alert" className="error">
          Could not read the app's details: {error}
        </p>
      )}
      {info && (
        <dl className="facts" data-testid="app-info">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd data-testid="app-mode">{info.mode === 'electron' ? 'Desktop app' : info.mode === 'browser' ? 'Browser mode' : 'Command line'}</dd>
          <dt>Data directory</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </dl>
      )}
      <SandboxCard />
    </section>
  );
}
