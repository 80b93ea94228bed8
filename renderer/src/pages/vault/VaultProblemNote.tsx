import { useState } from 'react';
import type { ErrorCode } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { MIN_PASSPHRASE } from './limits.ts';
import { missingSecretOf, refusedHostOf } from './vault-problem.ts';

export type VaultProblemNoteProps = {
  error: string | null;
  code: ErrorCode | null;
  /** Told once the problem is fixed here (vault created, unlocked, secret added), e.g. to offer "Send again". */
  onResolved?: () => void;
  /** False where the message is already shown (a flow step): only the fix is added. */
  showMessage?: boolean;
};

/**
 * A failure shown where it happened; when the vault is why, the one action
 * that fixes it, in place: Create (no vault yet), Unlock, Add (naming the
 * environment and secret), or where to restore from (damaged).
 */
export function VaultProblemNote({ error, code, onResolved, showMessage = true }: VaultProblemNoteProps) {
  if (!error) return null;
  return (
    <div className="vault-problem">
      {showMessage && <ErrorNote error={error} />}
      {code === 'vault_absent' && <CreateInPlace onResolved={onResolved} />}
      {code === 'locked' && <UnlockInPlace onResolved={onResolved} />}
      {code === 'secret_missing' && <AddInPlace message={error} onResolved={onResolved} />}
      {code === 'secret_host_refused' && <AllowHostInPlace message={error} onResolved={onResolved} />}
      {code === 'vault_damaged' && (
        <p className="hint">The Vault screen lists the copies kept beside the vault (Backups) and restores one; in a terminal, <code>countersign vault restore</code>.</p>
      )}
    </div>
  );
}

type Resolved = { onResolved: (() => void) | undefined };

function CreateInPlace({ onResolved }: Resolved) {
  const api = useApi();
  const action = useAction();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const ready = passphrase.length >= MIN_PASSPHRASE && passphrase === again;
  return (
    <form
      className="form inline-fix"
      aria-label="Create the vault"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          await api.invoke['vault:setup']({ passphrase });
          setPassphrase('');
          setAgain('');
          onResolved?.();
        });
      }}
    >
      <label htmlFor="fix-create-passphrase">New vault passphrase</label>
      <input id="fix-create-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      <label htmlFor="fix-create-again">Repeat it</label>
      <input id="fix-create-again" type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />
      <ErrorNote error={action.error} />
      <button type="submit" className="primary" disabled={!ready || action.busy}>
        Create vault
      </button>
    </form>
  );
}

function UnlockInPlace({ onResolved }: Resolved) {
  const api = useApi();
  const action = useAction();
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="form inline-fix"
      aria-label="Unlock the vault"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          await api.invoke['vault:unlock']({ passphrase });
          setPassphrase('');
          onResolved?.();
        });
      }}
    >
      <label htmlFor="fix-unlock-passphrase">Vault passphrase</label>
      <input id="fix-unlock-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      <ErrorNote error={action.error} />
      <button type="submit" className="primary" disabled={passphrase === '' || action.busy}>
        Unlock
      </button>
    </form>
  );
}

function AddInPlace({ message, onResolved }: Resolved & { message: string }) {
  const api = useApi();
  const action = useAction();
  const [value, setValue] = useState('');
  const target = missingSecretOf(message);
  if (!target) return null;
  return (
    <form
      className="form inline-fix"
      aria-label={`Add ${target.name} to ${target.environment}`}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          await api.invoke['vault:add']({ environment: target.environment, name: target.name, kind: 'text', value });
          setValue('');
          onResolved?.();
        });
      }}
    >
      <label htmlFor="fix-add-value">
        Value of {target.name} ({target.environment})
      </label>
      <input id="fix-add-value" type="password" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} />
      <ErrorNote error={action.error} />
      <button type="submit" className="primary" disabled={value.trim() === '' || action.busy}>
        Add secret
      </button>
    </form>
  );
}

/** The user, not this screen, lets a secret go to a new host: main checks the vault passphrase. */
function AllowHostInPlace({ message, onResolved }: Resolved & { message: string }) {
  const api = useApi();
  const action = useAction();
  const [passphrase, setPassphrase] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const refused = refusedHostOf(message);
  if (!refused) return null;
  const allow = (scope: 'once' | 'always') =>
    void action.run(async () => {
      await api.invoke['vault:allow-host']({ environment: refused.environment, names: refused.names, host: refused.host, scope, passphrase });
      setPassphrase('');
      setDone(scope === 'once' ? `Allowed for the next send to ${refused.host}.` : `${refused.host} added to where ${refused.names.join(', ')} may be sent.`);
      onResolved?.();
    });
  return (
    <form className="form inline-fix" aria-label={`Allow ${refused.host}`} onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="fix-allow-passphrase">Vault passphrase, to allow {refused.host}</label>
      <input id="fix-allow-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      <ErrorNote error={action.error} />
      {done && <p role="status" className="hint">{done}</p>}
      <div className="dialog-actions">
        <button type="button" disabled={passphrase === '' || action.busy} onClick={() => allow('once')}>
          Allow once
        </button>
        <button type="button" disabled={passphrase === '' || action.busy} onClick={() => allow('always')}>
          Always allow
        </button>
      </div>
    </form>
  );
}
