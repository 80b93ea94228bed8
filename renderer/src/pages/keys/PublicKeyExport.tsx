import { useEffect, useState } from 'react';
import type { ExportPublicOutput } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { saveText } from './save-text.ts';

/** The public key as SPKI PEM: what to send to the gateway. Public material, so the renderer may copy and save it. */
export function PublicKeyExport({ environment, name }: { environment: string; name: string }) {
  const api = useApi();
  const [exported, setExported] = useState<ExportPublicOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    // The parent keys this component by key and fingerprint, so it starts empty for each key.
    let live = true;
    api.invoke['keys:export-public']({ environment, name })
      .then((result) => {
        if (live) setExported(result);
      })
      .catch((reason: unknown) => {
        if (live) setError(errorMessage(reason));
      });
    return () => {
      live = false;
    };
  }, [api, environment, name]);

  return (
    <section aria-labelledby="public-key-title" className="key-section">
      <h4 id="public-key-title">Public key — send this to your gateway</h4>
      {exported ? (
        <>
          <textarea
            aria-label="Public key (SPKI PEM)"
            data-testid="public-key-pem"
            className="pem"
            readOnly
            rows={14}
            spellCheck={false}
            value={exported.pem}
          />
          <div className="row-actions start">
            <button
              type="button"
              onClick={() => {
                setError(null);
                // Absent outside a secure context; the text stays selectable either way.
                if (!navigator.clipboard) {
                  setError('The clipboard is not available here. Select the text and copy it instead.');
                  return;
                }
                navigator.clipboard.writeText(exported.pem).then(
                  () => setNote('Public key copied to the clipboard.'),
                  (reason: unknown) => setError(`Could not copy: ${errorMessage(reason)}. Select the text and copy it instead.`),
                );
              }}
            >
              Copy public key
            </button>
            <button
              type="button"
              onClick={() => {
                saveText(exported.fileName, exported.pem);
                setNote(`Saving ${exported.fileName} through the browser's downloads.`);
              }}
            >
              Save public key
            </button>
          </div>
          {note && (
            <p role="status" className="hint">
              {note}
            </p>
          )}
        </>
      ) : (
        !error && <p className="hint">Reading the public key…</p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
