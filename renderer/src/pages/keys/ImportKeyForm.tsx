import { useRef, useState } from 'react';
import type { KeyMaterial, KeySummary } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { keyNameProblem } from './limits.ts';
import { readKeyFile } from './read-key-file.ts';

type Source = 'paste' | 'file';

/**
 * Brings an existing RSA private key (PKCS#1 or PKCS#8, encrypted or not, PEM
 * or DER) into the vault. Main checks it and refuses with a message saying
 * what was given and what is needed; that message is shown here.
 */
export function ImportKeyForm(props: {
  environment: string;
  vaultUnlocked: boolean;
  /** Names already used in this environment, to say so before any work is done. */
  takenNames: readonly string[];
  onImported: (key: KeySummary) => void;
}) {
  const api = useApi();
  const { busy, error, setError, run } = useAction();
  const [name, setName] = useState('');
  const [source, setSource] = useState<Source>('paste');
  const [pem, setPem] = useState('');
  const [fileMaterial, setFileMaterial] = useState<{ fileName: string; material: KeyMaterial } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [imported, setImported] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nameProblem = keyNameProblem(name.trim(), props.takenNames);
  const material: KeyMaterial | null = source === 'paste' ? (pem.trim() ? { encoding: 'pem', text: pem } : null) : (fileMaterial?.material ?? null);
  const { environment, onImported } = props;

  return (
    <form
      className="card form"
      aria-labelledby="keys-import-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (!material) return;
        setImported(null);
        const keyName = name.trim();
        void run(async () => {
          const key = await api.invoke['keys:import']({
            environment,
            name: keyName,
            material,
            ...(passphrase ? { passphrase } : {}),
          });
          // Main has the key now; drop every copy the page held.
          setPem('');
          setFileMaterial(null);
          setPassphrase('');
          setName('');
          if (fileInput.current) fileInput.current.value = '';
          setImported(`Imported ${key.name} (${key.bits} bits) into ${environment}. Its public key and fingerprint are shown above.`);
          onImported(key);
        });
      }}
    >
      <h3 id="keys-import-title">Import an existing private key into {environment}</h3>
      <label htmlFor="import-name">Name</label>
      <input
        id="import-name"
        value={name}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={nameProblem !== null}
        onChange={(event) => setName(event.target.value)}
      />
      {nameProblem && <p className="hint warn">{nameProblem}</p>}
      <fieldset>
        <legend>Key source</legend>
        <label className="radio">
          <input type="radio" name="import-source" checked={source === 'paste'} onChange={() => setSource('paste')} />
          Paste PEM text
        </label>
        <label className="radio">
          <input type="radio" name="import-source" checked={source === 'file'} onChange={() => setSource('file')} />
          Choose a file (PEM or DER)
        </label>
      </fieldset>
      {source === 'paste' ? (
        <>
          <label htmlFor="import-pem">Private key (PEM)</label>
          <textarea
            id="import-pem"
            rows={7}
            spellCheck={false}
            autoComplete="off"
            value={pem}
            placeholder="-----BEGIN PRIVATE KEY-----"
            onChange={(event) => setPem(event.target.value)}
          />
        </>
      ) : (
        <>
          <label htmlFor="import-file">Private key file</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept=".pem,.key,.der,.p8,.pk8,application/x-pem-file,application/pkcs8"
            onChange={(event) => {
              const file = event.target.files?.[0];
              setFileMaterial(null);
              if (!file) return;
              setError(null);
              readKeyFile(file).then(
                (read) => setFileMaterial({ fileName: file.name, material: read }),
                (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
              );
            }}
          />
          {fileMaterial && (
            <p className="hint">
              {fileMaterial.fileName}: read as {fileMaterial.material.encoding === 'pem' ? 'PEM text' : 'binary DER'}.
            </p>
          )}
        </>
      )}
      <label htmlFor="import-passphrase">Passphrase (only if the key is encrypted)</label>
      <input id="import-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      <p className="hint">RSA, at least 2048 bits. The key is checked and stored in the vault; it is not shown again.</p>
      {!props.vaultUnlocked && <p className="hint warn">Unlock the vault first: the imported key is stored there.</p>}
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={busy || !props.vaultUnlocked || !material || name.trim() === '' || nameProblem !== null}>
        {busy ? 'Checking…' : 'Import key'}
      </button>
      {imported && (
        <p role="status" className="hint" data-testid="import-outcome">
          {imported}
        </p>
      )}
    </form>
  );
}
