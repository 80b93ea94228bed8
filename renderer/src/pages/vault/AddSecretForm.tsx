import { useEffect, useRef, useState } from 'react';
import type { SecretKind } from '../../../../main/contract/vault.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useChannelMutation } from '../../state/index.ts';
import { parseHostList } from './vault-problem.ts';

export const KIND_LABEL: Readonly<Record<SecretKind, string>> = {
  text: 'Text (client secret, API key…)',
  rsa_private_key: 'RSA private key',
  certificate: 'Certificate',
  passphrase: 'Passphrase',
  private_key: 'Private key (PEM, e.g. an mTLS client key)',
  pkcs12: 'PKCS#12 bundle (base64)',
};

/** A name to fill in, from "Add" beside a missing secret; `seq` makes a second click on the same name count. */
export type SecretPrefill = { name: string; seq: number };

/** Write-only: the value goes to main and is dropped from the form as soon as main has it. */
export function AddSecretForm({ environment, prefill }: { environment: string; prefill?: SecretPrefill | null }) {
  const api = useApi();
  const [name, setName] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // A new prefill replaces the name while rendering (React's "adjust state on a prop change"), not in an effect.
  const [seenPrefill, setSeenPrefill] = useState<SecretPrefill | null | undefined>(null);
  if (prefill !== seenPrefill) {
    setSeenPrefill(prefill);
    if (prefill) setName(prefill.name);
  }
  useEffect(() => {
    if (!prefill) return;
    // The form is below the lists: bring it into view and put the cursor where the user types next.
    form.current?.scrollIntoView({ block: 'nearest' });
    form.current?.querySelector<HTMLElement>('#secret-value')?.focus();
  }, [prefill]);
  const [kind, setKind] = useState<SecretKind>('text');
  const [value, setValue] = useState('');
  // Main's answer says when a value is weak (shorter than 6 characters); it stays until the next add.
  const add = useChannelMutation('vault:add', {
    onSuccess: () => {
      setName('');
      setValue('');
    },
  });
  // Where it may be sent: the environment's base-URL hosts unless the user says otherwise.
  const [hosts, setHosts] = useState('');
  useEffect(() => {
    let current = true;
    api.invoke['vault:default-hosts']({ environment }).then(
      (result) => {
        if (current) setHosts(result.hosts.join('\n'));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, environment]);
  const multiline = kind !== 'text' && kind !== 'passphrase';

  return (
    <form
      ref={form}
      className="card form"
      aria-labelledby="vault-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ environment, name: name.trim(), kind, value, hosts: parseHostList(hosts) });
      }}
    >
      <h3 id="vault-add-title">Add a secret to {environment}</h3>
      <label htmlFor="secret-name">Name</label>
      <input id="secret-name" value={name} placeholder="client_secret" autoComplete="off" onChange={(event) => setName(event.target.value)} />
      <label htmlFor="secret-kind">Kind</label>
      <select id="secret-kind" value={kind} onChange={(event) => setKind(event.target.value as SecretKind)}>
        {Object.entries(KIND_LABEL).map(([option, label]) => (
          <option key={option} value={option}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor="secret-value">Value</label>
      {multiline ? (
        <textarea
          id="secret-value"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          value={value}
          placeholder="-----BEGIN …-----"
          onChange={(event) => setValue(event.target.value)}
        />
      ) : (
        <input id="secret-value" type="password" autoComplete="off" value={value} onChange={(event) => setValue(event.target.value)} />
      )}
      <label htmlFor="secret-hosts">May be sent to (one host a line)</label>
      <textarea id="secret-hosts" rows={2} spellCheck={false} value={hosts} onChange={(event) => setHosts(event.target.value)} />
      <p className="hint">The value is encrypted in main and never shown again. You can copy it to the clipboard or replace it.</p>
      <ErrorNote error={add.error ? errorMessage(add.error) : null} />
      {add.data?.notice !== undefined && (
        <p className="warn" role="status" data-testid="secret-notice">
          {add.data.name}: {add.data.notice}
        </p>
      )}
      <button type="submit" className="primary" disabled={add.isPending || name.trim() === '' || value.trim() === ''}>
        {add.isPending ? 'Saving…' : 'Add secret'}
      </button>
    </form>
  );
}
