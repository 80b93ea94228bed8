import { useState } from 'react';
import type { EnvironmentProviders, SecretProviderSetting } from '../../../../main/contract/secret-providers.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

/** The env and pass checkboxes (and pass's prefix) of one collection's environment, saved as its provider list. */
export function EnvironmentProvidersForm({ entry, onSaved }: { entry: EnvironmentProviders; onSaved: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const pass = entry.providers.find((provider) => provider.kind === 'pass');
  const [useEnv, setUseEnv] = useState(entry.providers.some((provider) => provider.kind === 'env'));
  const [usePass, setUsePass] = useState(pass !== undefined);
  const [prefix, setPrefix] = useState(pass?.kind === 'pass' ? (pass.prefix ?? '') : '');
  const id = entry.environmentId;

  const save = () =>
    void run(async () => {
      const providers: SecretProviderSetting[] = [];
      if (useEnv) providers.push({ kind: 'env' });
      if (usePass) providers.push(prefix.trim() === '' ? { kind: 'pass' } : { kind: 'pass', prefix: prefix.trim() });
      await api.invoke['workspace:update-environment']({ collectionId: entry.collectionId, environmentId: id, secretProviders: providers });
      onSaved();
    });

  return (
    <form
      className="form inline providers-form"
      aria-label={`Secret providers of ${entry.collectionName} · ${entry.environmentName}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label className="checkbox">
        <input type="checkbox" checked={useEnv} onChange={(event) => setUseEnv(event.target.checked)} /> Environment variables (CI)
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={usePass} onChange={(event) => setUsePass(event.target.checked)} /> pass
      </label>
      <label htmlFor={`pass-prefix-${id}`}>pass prefix</label>
      <input
        id={`pass-prefix-${id}`}
        className="prefix"
        value={prefix}
        placeholder={`countersign/${entry.environmentName.toLowerCase().replace(/[^\p{L}\p{N}._@-]/gu, '-')}`}
        disabled={!usePass}
        onChange={(event) => setPrefix(event.target.value)}
      />
      <button type="submit" disabled={busy}>
        Save providers
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
