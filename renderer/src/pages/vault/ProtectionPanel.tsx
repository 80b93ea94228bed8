import { useState } from 'react';
import type { VaultStatus } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { MIN_PASSPHRASE } from './limits.ts';
import { PassphraseFields, passphraseReady } from './PassphraseFields.tsx';

/** What protects the vault, said plainly, and the controls that change it. */
export function ProtectionPanel({ status }: { status: VaultStatus }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [minutes, setMinutes] = useState(String(status.autoLockMinutes));
  const [saved, setSaved] = useState<string | null>(null);
  const { safeStorage, passphrase } = status.protection;

  return (
    <section className="card" aria-labelledby="vault-protection-title">
      <h3 id="vault-protection-title">Protection</h3>
      <ul className="plain-list" data-testid="vault-protection">
        <li>
          Operating-system key store: {safeStorage.inUse ? 'in use' : 'not in use'}
          {safeStorage.backend ? ` (${safeStorage.backend})` : ''}. {safeStorage.note}
        </li>
        <li>Passphrase: {passphrase.set ? 'set' : 'not set'}.</li>
        {status.protection.passphraseRequiredReason && <li className="warn">{status.protection.passphraseRequiredReason}</li>}
      </ul>

      <form
        className="form"
        aria-label={passphrase.set ? 'Change passphrase' : 'Set a passphrase'}
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await api.invoke['vault:set-passphrase']({ ...(passphrase.set ? { current } : {}), next });
            setCurrent('');
            setNext('');
            setAgain('');
            setSaved('Passphrase saved. Only the vault key was re-wrapped; every secret is unchanged.');
          });
        }}
      >
        <h4>{passphrase.set ? 'Change passphrase' : 'Set a passphrase'}</h4>
        {passphrase.set && (
          <>
            <label htmlFor="current-passphrase">Current passphrase</label>
            <input
              id="current-passphrase"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          </>
        )}
        <PassphraseFields
          value={next}
          confirm={again}
          minLength={MIN_PASSPHRASE}
          label="New passphrase"
          onChange={(value, confirm) => {
            setNext(value);
            setAgain(confirm);
          }}
        />
        <button type="submit" disabled={busy || !passphraseReady(next, again, MIN_PASSPHRASE) || (passphrase.set && current === '')}>
          Save passphrase
        </button>
      </form>

      <form
        className="form inline"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await api.invoke['vault:set-auto-lock']({ minutes: Number(minutes) });
            setSaved(Number(minutes) === 0 ? 'Auto-lock is off.' : `The vault locks after ${minutes} idle minutes.`);
          });
        }}
      >
        <label htmlFor="auto-lock">Lock after idle minutes (0 = never)</label>
        <input id="auto-lock" type="number" min={0} max={1440} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
        <button type="submit" disabled={busy || !/^\d+$/.test(minutes)}>
          Save
        </button>
      </form>
      {saved && <p role="status" className="hint">{saved}</p>}
      <ErrorNote error={error} />
    </section>
  );
}
