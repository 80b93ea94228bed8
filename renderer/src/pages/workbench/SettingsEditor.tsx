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
    </div>
  );
}
