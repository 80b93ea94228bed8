import { useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

/** Adds an environment to a collection; a name like "Production" starts protected. */
export function NewEnvironmentDialog({ collectionId, onCreated, onClose }: { collectionId: string; onCreated: (environmentId: string) => void; onClose: () => void }) {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [isProtected, setProtected] = useState(false);
  const protectedShown = touched ? isProtected : /prod|live/i.test(name);
  return (
    <Dialog title="New environment" onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const created = await api.invoke['workspace:create-environment']({ collectionId, name: name.trim(), protected: protectedShown });
            onCreated(created.id);
            onClose();
          });
        }}
      >
        <label htmlFor="wb-new-env">Name</label>
        <input id="wb-new-env" value={name} maxLength={64} autoFocus onChange={(event) => setName(event.target.value)} />
        <label className="radio">
          <input
            type="checkbox"
            checked={protectedShown}
            onChange={(event) => {
              setTouched(true);
              setProtected(event.target.checked);
            }}
          />
          Protected: ask before every send
        </label>
        <ErrorNote error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            Create environment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
