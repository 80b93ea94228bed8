import { useId, useState } from 'react';
import type { ExportPrivateInput, SavedPrivateExport } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { PassphraseFields, passphraseReady } from '../vault/PassphraseFields.tsx';
import { MIN_EXPORT_PASSPHRASE } from './limits.ts';

type Format = 'pkcs8-encrypted' | 'pkcs8-plain' | 'pkcs1';

/**
 * Private key export. Main writes the file and answers with its path only,
 * so the key never enters the page. Any unencrypted form needs an explicit
 * acknowledgement.
 */
export function PrivateKeyExport(props: { environment: string; name: string; vaultUnlocked: boolean }) {
  const api = useApi();
  const id = useId();
  const { busy, error, run } = useAction();
  const [format, setFormat] = useState<Format>('pkcs8-encrypted');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [directory, setDirectory] = useState('');
  const [saved, setSaved] = useState<SavedPrivateExport | null>(null);
  const plain = format !== 'pkcs8-encrypted';
  const ready = props.vaultUnlocked && (plain ? acknowledged : passphraseReady(passphrase, again, MIN_EXPORT_PASSPHRASE));

  const request = (): ExportPrivateInput => {
    const ref = { environment: props.environment, name: props.name, ...(directory.trim() ? { directory: directory.trim() } : {}) };
    if (format === 'pkcs1') return { ...ref, format: 'pkcs1', acknowledgeUnencrypted: true };
    if (format === 'pkcs8-plain') return { ...ref, format: 'pkcs8' };
    return { ...ref, format: 'pkcs8', passphrase };
  };

  const choose = (next: Format) => {
    setFormat(next);
    setAcknowledged(false);
    setSaved(null);
  };

  return (
    <form
      className="form key-section"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void run(async () => {
          setSaved(await api.invoke['keys:export-private'](request()));
          setPassphrase('');
          setAgain('');
          setAcknowledged(false);
        });
      }}
    >
      <h4 id={`${id}-title`}>Private key export</h4>
      <fieldset>
        <legend>Format</legend>
        <label className="radio">
          <input type="radio" name={`${id}-format`} checked={format === 'pkcs8-encrypted'} onChange={() => choose('pkcs8-encrypted')} />
          PKCS#8, encrypted with a passphrase (recommended)
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-format`} checked={format === 'pkcs8-plain'} onChange={() => choose('pkcs8-plain')} />
          PKCS#8, unencrypted
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-format`} checked={format === 'pkcs1'} onChange={() => choose('pkcs1')} />
          PKCS#1 (BEGIN RSA PRIVATE KEY), unencrypted
        </label>
      </fieldset>
      {plain ? (
        <div className="danger-box">
          <p>
            <strong>Warning:</strong> this file will hold the private key in clear text. Anyone who can read it can sign as you.
            {format === 'pkcs1' ? ' Use it only for a form that insists on "BEGIN RSA PRIVATE KEY", and delete it afterwards.' : ''}
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} />I understand the
            file is not encrypted
          </label>
        </div>
      ) : (
        <>
          <PassphraseFields
            value={passphrase}
            confirm={again}
            minLength={MIN_EXPORT_PASSPHRASE}
            label="Export passphrase"
            onChange={(value, confirm) => {
              setPassphrase(value);
              setAgain(confirm);
            }}
          />
          <p className="hint">
            At least {MIN_EXPORT_PASSPHRASE} characters. PBES2 with AES-256-CBC; openssl opens it with <code>-passin</code>.
          </p>
        </>
      )}
      <label htmlFor={`${id}-directory`}>Save in folder</label>
      <input
        id={`${id}-directory`}
        value={directory}
        placeholder="Downloads"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setDirectory(event.target.value)}
      />
      <p className="hint">Leave empty for your Downloads folder. An existing file is never replaced.</p>
      <button type="submit" disabled={busy || !ready}>
        {busy ? 'Exporting…' : 'Export private key'}
      </button>
      {saved && (
        <div role="status" data-testid="private-export-result">
          <p>
            Saved {saved.encrypted ? 'encrypted ' : ''}private key to <code data-testid="private-export-path">{saved.path}</code>
          </p>
          {saved.warning && <p className="warn">{saved.warning}</p>}
        </div>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
