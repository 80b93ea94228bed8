import { useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

export function UnlockVault() {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="card form"
      aria-labelledby="vault-unlock-title"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await api.invoke['vault:unlock']({ passphrase });
          setPassphrase('');
        });
      }}
    >
      <h3 id="vault-unlock-title">The vault is locked</h3>
      <label htmlFor="vault-unlock-passphrase">Passphrase</label>
      <input
        id="vault-unlock-passphrase"
        type="password"
        autoComplete="current-password"
        autoFocus
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={passphrase === '' || busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
