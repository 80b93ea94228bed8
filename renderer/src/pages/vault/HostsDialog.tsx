import { useState } from 'react';
import type { SecretMetadata } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { parseHostList } from './vault-problem.ts';

/** Where a secret may be sent. Main asks for the vault passphrase: this screen cannot widen the list by itself. */
export function HostsDialog({ secret, onClose }: { secret: SecretMetadata; onClose: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [hosts, setHosts] = useState((secret.hosts ?? []).join('\n'));
  const [passphrase, setPassphrase] = useState('');
  return (
    <Dialog title={`Where ${secret.name} may be sent`} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await api.invoke['vault:set-hosts']({ environment: secret.environment, name: secret.name, hosts: parseHostList(hosts), passphrase });
            onClose();
          });
        }}
      >
        <label htmlFor="hosts-list">Hosts, one a line (host or host:port; builtin:sandbox is the built-in sandbox)</label>
        <textarea id="hosts-list" rows={4} spellCheck={false} value={hosts} onChange={(event) => setHosts(event.target.value)} />
        <label htmlFor="hosts-passphrase">Vault passphrase</label>
        <input id="hosts-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
        <p className="hint">A request that would put {secret.name} on the wire to any other host is refused before it is sent.</p>
        <ErrorNote error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || passphrase === ''}>
            Save hosts
          </button>
        </div>
      </form>
    </Dialog>
  );
}
