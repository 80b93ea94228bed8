import { useState } from 'react';
import { useApi } from '../../../api/context.tsx';
import { errorMessage } from '../../../api/errors.ts';
import { skip, useChannel, useChannelMutation } from '../../../state/use-channel.ts';
import { formatBytes } from '../../../format/bytes.ts';
import { AllowFolder } from './AllowFolder.tsx';

/**
 * A file a body sends, by path. The desktop app offers its Open dialog;
 * browser mode has the full path typed. Either way main checks the path and
 * answers its name and size (or why it cannot be sent), never its content:
 * the file is read by main only when the request is sent.
 */
export function FilePathField({ label, path, onChange }: { label: string; path: string; onChange: (path: string) => void }) {
  const api = useApi();
  const [chooseError, setChooseError] = useState<string | null>(null);
  const facts = useChannel('files:body-file-facts', path === '' ? skip : { path }, { keepPrevious: true });
  // Main allows a file picked in its own dialog: every cached answer about body files is stale then (the path may be the one shown).
  const chooseFile = useChannelMutation('files:choose-body-file', { invalidates: ['files:body-file-facts', 'files:body-file-folders'] });
  const choose = async () => {
    setChooseError(null);
    try {
      const chosen = await chooseFile.mutateAsync({});
      if (chosen.path !== null) onChange(chosen.path);
    } catch (error) {
      setChooseError(errorMessage(error));
    }
  };
  const shown = facts.data?.path === path ? facts.data : undefined;
  return (
    <div className="wb-file-path">
      <input aria-label={label} placeholder="/full/path/to/file" spellCheck={false} value={path} onChange={(event) => onChange(event.target.value)} />
      {api.transport === 'electron' && (
        <button type="button" onClick={() => void choose()}>
          Choose…
        </button>
      )}
      <span className="hint" role="status" aria-label={`${label} check`}>
        {path === ''
          ? api.transport === 'electron'
            ? 'Choose a file, or type its full path.'
            : 'Type the file\'s full path (browser mode has no file dialog).'
          : shown === undefined
            ? ''
            : shown.problem !== null
              ? null
              : shown.size === null
                ? 'Checked when sent (the path has a variable).'
                : `${shown.name}, ${formatBytes(shown.size)}: read when the request is sent.`}
      </span>
      {shown?.problem != null && (
        <span className="warn" role="alert">
          {shown.problem}
        </span>
      )}
      {shown?.access === 'not-allowed' && shown.allowFolder !== null && <AllowFolder key={shown.allowFolder} label={label} folder={shown.allowFolder} />}
      {facts.error && <span className="warn">{errorMessage(facts.error)}</span>}
      {chooseError !== null && <span className="warn">{chooseError}</span>}
    </div>
  );
}
