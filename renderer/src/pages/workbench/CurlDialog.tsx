import { useEffect, useState } from 'react';
import type { CurlResult } from '../../../../main/contract/requests.ts';
import type { Environment } from '../../../../main/contract/workspace.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';

type Props = {
  requestId: string;
  requestName: string;
  environment: Environment;
  /** Saves a pending edit first: main signs what is saved. */
  beforeSign: (requestId: string) => Promise<void>;
  onClose: () => void;
};

/** The signed request as a curl command with placeholders; the real secrets are copied by main only on explicit request. */
export function CurlDialog({ requestId, requestName, environment, beforeSign, onClose }: Props) {
  const api = useApi();
  const [result, setResult] = useState<CurlResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    beforeSign(requestId)
      .then(() => api.invoke['requests:curl']({ requestId, environmentId: environment.id }))
      .then(
        (next) => {
          if (live) setResult(next);
        },
        (reason: unknown) => {
          if (live) setError(errorMessage(reason));
        },
      );
    return () => {
      live = false;
    };
  }, [api, beforeSign, requestId, environment.id]);

  const copyRedacted = () => {
    if (!result) return;
    navigator.clipboard.writeText(result.command).then(
      () => setNote('Copied, with placeholders instead of secrets.'),
      (reason: unknown) => setError(`The browser did not allow copying: ${errorMessage(reason)}`),
    );
  };

  const copyWithSecrets = () => {
    setError(null);
    setNote(null);
    api.invoke['requests:curl']({ requestId, environmentId: environment.id, includeSecrets: true }).then(
      (next) => {
        setResult(next);
        setNote(next.warning);
      },
      (reason: unknown) => setError(errorMessage(reason)),
    );
  };

  return (
    <Dialog title={`${requestName} as curl (${environment.name})`} onClose={onClose}>
      <div className="dialog-body wb-curl">
        <ErrorNote error={error} />
        {result ? (
          <pre className="wb-curl-command" data-testid="curl-command">
            {result.command}
          </pre>
        ) : (
          !error && <p className="hint">Signing…</p>
        )}
        <p className="hint">Secrets are shown as placeholders such as &lt;secret:client_secret&gt;. A signature or timestamp is fresh each time.</p>
        <p className="warn" data-testid="curl-secrets-warning">
          “Include secrets” puts the full command, with the real secret values{environment.protected ? ` of ${environment.name}` : ''}, on the clipboard from main. It is
          never shown here and is cleared after 30 s.
        </p>
        {note && (
          <p role="status" data-testid="curl-note">
            {note}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="danger" disabled={!result} onClick={copyWithSecrets}>
          Include secrets (copies from main; clears in 30 s)
        </button>
        <button type="button" className="primary" disabled={!result} onClick={copyRedacted} autoFocus>
          Copy
        </button>
      </div>
    </Dialog>
  );
}
