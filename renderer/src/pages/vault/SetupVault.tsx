import { useState } from 'react';
import type { VaultStatus } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { MIN_PASSPHRASE } from './limits.ts';
import { PassphraseFields, passphraseReady } from './PassphraseFields.tsx';

/** First use: create the vault, with a passphrase unless the OS keeps the key safely and the user declines one. */
export function SetupVault({ status }: { status: VaultStatus }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const required = status.protection.passphraseRequired;
  const ready = passphraseReady(passphrase, confirm, MIN_PASSPHRASE) || (!required && passphrase === '' && confirm === '');

  return (
    <form
      className="card form"
      aria-labelledby="vault-setup-title"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => api.invoke['vault:setup'](passphrase ? { passphrase } : {}));
      }}
    >
      <h3 id="vault-setup-title">Create your vault</h3>
      <p>
        Secrets are encrypted with a key that never leaves this computer&apos;s main process.
        {required
          ? ` A passphrase is required: ${status.protection.passphraseRequiredReason ?? 'no operating-system key store protects the key here.'}`
          : ' The operating system protects the key; a passphrase also lets the CLI and browser mode open the vault.'}
      </p>
      <PassphraseFields
        value={passphrase}
        confirm={confirm}
        minLength={MIN_PASSPHRASE}
        label={required ? 'Passphrase' : 'Passphrase (optional)'}
        onChange={(value, again) => {
          setPassphrase(value);
          setConfirm(again);
        }}
      />
      <p className="hint">At least {MIN_PASSPHRASE} characters. It cannot be recovered if lost: keep an encrypted backup.</p>
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={!ready || busy}>
        {busy ? 'Creating…' : 'Create vault'}
      </button>
    </form>
  );
}
