import { useState } from 'react';
import type { KeyListEntry, KeySize } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { GenerationProgress } from './GenerationProgress.tsx';
import { SIZES } from './limits.ts';
import { SizePicker } from './SizePicker.tsx';
import { useKeyGeneration } from './use-key-generation.ts';

function sizeOf(bits: number): KeySize {
  return SIZES.find((size) => size === bits) ?? 4096;
}

/** Generates a successor kept beside the current key; signing keeps the old one until the user confirms. */
export function RotateDialog({ entry, onClose, onDone }: { entry: KeyListEntry; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const { error, run } = useAction();
  const generation = useKeyGeneration();
  const [bits, setBits] = useState<KeySize>(sizeOf(entry.bits));
  const [cancelled, setCancelled] = useState(false);
  const running = generation.running;

  return (
    <Dialog
      title={`Rotate ${entry.name}`}
      onClose={() => {
        if (running) void generation.cancel();
        onClose();
      }}
    >
      <div className="dialog-body form">
        <p>
          A new key is generated and kept beside {entry.name}. Requests keep signing with the current key until you confirm the new one, so
          you can send its public key to the gateway first.
        </p>
        <SizePicker value={bits} onChange={setBits} disabled={running !== null} />
        {running && <GenerationProgress running={running} onCancel={() => void run(generation.cancel)} />}
        {cancelled && <p role="status">Generation cancelled. The current key is unchanged.</p>}
        <ErrorNote error={error} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={running !== null}>
          Close
        </button>
        <button
          type="button"
          className="primary"
          disabled={running !== null}
          onClick={() => {
            setCancelled(false);
            void run(async () => {
              const result = await generation.start(bits, (jobId) =>
                api.invoke['keys:rotate']({ environment: entry.environment, name: entry.name, bits, jobId }),
              );
              if (result.outcome === 'cancelled') setCancelled(true);
              else onDone();
            });
          }}
        >
          Generate new key
        </button>
      </div>
    </Dialog>
  );
}
