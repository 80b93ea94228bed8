import { useState } from 'react';
import type { ResponseSummary } from '../../../../main/contract/http.ts';
import { downloadPreview, hexDump, parseJsonPreview, responseFileName } from './body-format.ts';
import { JsonTree } from './JsonTree.tsx';
import { SavedFileNote } from './SavedFileNote.tsx';
import { SpilledFileNote } from './SpilledFileNote.tsx';

type View = 'pretty' | 'raw' | 'hex';

/** The body preview: pretty JSON, raw text (HTML is text, never rendered) or a hex dump for binary. */
export function ResponseBody({ response, spilled = false }: { response: ResponseSummary; spilled?: boolean }) {
  const { preview, saved } = response;
  const json = parseJsonPreview(preview);
  // A tree of a huge document would freeze the page; those open as raw text (Pretty stays a click away).
  const large = preview.data.length > 256 * 1024;
  const binary = preview.encoding === 'base64';
  const [chosen, setChosen] = useState<View | null>(null);
  const view: View = chosen ?? (binary ? 'hex' : json !== undefined && !large ? 'pretty' : 'raw');
  return (
    <div className="wb-response-body">
      {saved && (spilled ? <SpilledFileNote spilled={saved} /> : <SavedFileNote saved={saved} />)}
      <div role="radiogroup" aria-label="Body view" className="wb-segments">
        {(['pretty', 'raw', 'hex'] as const).map((option) => (
          <button key={option} type="button" role="radio" aria-checked={view === option} disabled={option === 'pretty' && json === undefined} onClick={() => setChosen(option)}>
            {option === 'pretty' ? 'Pretty' : option === 'raw' ? 'Raw' : 'Hex'}
          </button>
        ))}
      </div>
      {!preview.truncated && (
        <button type="button" className="wb-save-as" onClick={() => downloadPreview(preview, responseFileName(response.url), response.contentType)}>
          Save response as…
        </button>
      )}
      {preview.truncated && (
        <p className="hint">
          Only the first part of the body is shown here
          {spilled ? '; the whole body waits in a temporary file until you save it' : saved ? '' : '; tick “Save the body to a file” in Settings to keep all of it'}.
        </p>
      )}
      <div className="wb-body-view" data-testid="response-body">
        {view === 'pretty' && json !== undefined && <JsonTree value={json} />}
        {view === 'raw' && <pre>{binary ? `(binary, ${preview.data.length} base64 characters; use Hex)` : preview.data}</pre>}
        {view === 'hex' && <pre>{hexDump(preview)}</pre>}
      </div>
    </div>
  );
}
