import { useState } from 'react';
import type { KeySize, KeySummary } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { GenerationProgress } from './GenerationProgress.tsx';
import { DEFAULT_SIZE, keyNameProblem } from './limits.ts';
import { SizePicker } from './SizePicker.tsx';
import { useKeyGeneration } from './use-key-generation.ts';

/** Steps 1–3 of the wizard: purpose/name, size, generate (with a busy state and Cancel). */
export function GenerateKeyForm(props: {
  environment: string;
  vaultUnlocked: boolean;
  /** Names already used in this environment, to say so before any work is done. */
  takenNames: readonly string[];
  onCreated: (key: KeySummary) => void;
}) {
  const api = useApi();
  const { error, run } = useAction();
  const generation = useKeyGeneration();
  const [name, setName] = useState('');
  const [bits, setBits] = useState<KeySize>(DEFAULT_SIZE);
  const [outcome, setOutcome] = useState<string | null>(null);
  const nameProblem = keyNameProblem(name.trim(), props.takenNames);
  const running = generation.running;
  const { environment, onCreated } = props;

  return (
    <form
      className="card form"
      aria-labelledby="keys-generate-title"
      onSubmit={(event) => {
        event.preventDefault();
        setOutcome(null);
        const keyName = name.trim();
        void run(async () => {
          const result = await generation.start(bits, (jobId) => api.invoke['keys:generate']({ environment, name: keyName, bits, jobId }));
          if (result.outcome === 'cancelled') {
            setOutcome(`Generation cancelled. No key was stored for ${keyName}.`);
            return;
          }
          setOutcome(`Created ${result.key.name} in ${environment}. The private key is in the vault and is not shown; its fingerprint, public key and exports are above.`);
          setName('');
          onCreated(result.key);
        });
      }}
    >
      <h3 id="keys-generate-title">Generate a key pair in {environment}</h3>
      {environment === 'Production' ? (
        <p className="hint warn">Use a different key for production than for testing: a production key should never have been in a sandbox.</p>
      ) : null}
      <label htmlFor="keygen-name">Name (what the key is for)</label>
      <input
        id="keygen-name"
        value={name}
        placeholder="elecsnet-signing"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={nameProblem !== null}
        aria-describedby="keygen-name-hint"
        disabled={running !== null}
        onChange={(event) => setName(event.target.value)}
      />
      <p id="keygen-name-hint" className={nameProblem ? 'hint warn' : 'hint'}>
        {nameProblem ?? 'Letters, digits, dot, dash or underscore. Auth settings refer to the key by this name.'}
      </p>
      <SizePicker value={bits} onChange={setBits} disabled={running !== null} />
      {!props.vaultUnlocked && <p className="hint warn">Unlock the vault first: the new private key is stored there.</p>}
      {running ? (
        <GenerationProgress running={running} onCancel={() => void run(generation.cancel)} />
      ) : (
        <button type="submit" className="primary" disabled={!props.vaultUnlocked || name.trim() === '' || nameProblem !== null}>
          Generate key pair
        </button>
      )}
      {outcome && (
        <p role="status" className="hint" data-testid="keygen-outcome">
          {outcome}
        </p>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
