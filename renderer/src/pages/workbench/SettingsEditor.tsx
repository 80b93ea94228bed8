import type { RequestSettings } from '../../../../main/contract/workspace.ts';

/** Per-request executor settings; anything left unset uses the executor's defaults. */
export function SettingsEditor({ settings, onChange }: { settings: RequestSettings | undefined; onChange: (settings: RequestSettings) => void }) {
  const current = settings ?? {};
  const set = <K extends keyof RequestSettings>(key: K, value: RequestSettings[K] | undefined) => {
    const kept = Object.entries(current).filter(([name]) => name !== key);
    onChange(Object.fromEntries(value === undefined ? kept : [...kept, [key, value]]));
  };
  return (
    <div className="wb-fields wb-settings">
      <label>
        <span>Timeout (ms)</span>
        <input
          type="number"
          min={1}
          max={3_600_000}
          aria-label="Timeout (ms)"
          placeholder="default"
          value={current.timeoutMs ?? ''}
          onChange={(event) => set('timeoutMs', event.target.value === '' ? undefined : Math.max(1, Math.round(Number(event.target.value))))}
        />
      </label>
      <label>
        <span>Save the body to a file</span>
        <input type="checkbox" aria-label="Save the body to a file" checked={current.saveToFile === true} onChange={(event) => set('saveToFile', event.target.checked || undefined)} />
      </label>
      <label>
        <span>Follow redirects</span>
        <input type="checkbox" aria-label="Follow redirects" checked={current.followRedirects !== false} onChange={(event) => set('followRedirects', event.target.checked ? undefined : false)} />
      </label>
      <label>
        <span>Use the environment’s proxy</span>
        <input
          type="checkbox"
          aria-label="Use the environment’s proxy"
          checked={current.network?.useProxy !== false}
          onChange={(event) => set('network', networkOverride({ ...current.network, useProxy: event.target.checked ? undefined : false }))}
        />
      </label>
      <label>
        <span>Verify TLS certificates</span>
        <input
          type="checkbox"
          aria-label="Verify TLS certificates for this request"
          checked={current.network?.verifyTls !== false}
          onChange={(event) => set('network', networkOverride({ ...current.network, verifyTls: event.target.checked ? undefined : false }))}
        />
      </label>
      {current.network?.verifyTls === false && (
        <p role="alert" className="error">
          This request is sent without verifying TLS certificates (refused in a protected environment).
        </p>
      )}
    </div>
  );
}

/** The request's own network switches, with unset ones left out (absent means: as the environment says). */
function networkOverride(value: { useProxy?: boolean | undefined; verifyTls?: boolean | undefined }): RequestSettings['network'] {
  const out: NonNullable<RequestSettings['network']> = {};
  if (value.useProxy === false) out.useProxy = false;
  if (value.verifyTls === false) out.verifyTls = false;
  return Object.keys(out).length === 0 ? undefined : out;
}
