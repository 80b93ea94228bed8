import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ResponseSummary } from '../../../../main/contract/http.ts';
import { downloadPreview, hexDump, parseJsonPreview, responseFileName } from './body-format.ts';
import { JsonTree } from './JsonTree.tsx';
import { SavedFileNote } from './SavedFileNote.tsx';
import { SpilledFileNote } from './SpilledFileNote.tsx';
import { filterJson } from './response/json-filter.ts';
import { ResponseSearch } from './response/ResponseSearch.tsx';

type View = 'pretty' | 'raw' | 'hex';

/** The body preview: pretty JSON, raw text (HTML is text, never rendered) or a hex dump for binary; find (Ctrl+F) and a JSONPath filter. */
export function ResponseBody({ response, spilled = false }: { response: ResponseSummary; spilled?: boolean }) {
  const { preview, saved } = response;
  const json = useMemo(() => parseJsonPreview(preview), [preview]);
  // A tree of a huge document would freeze the page; those open as raw text (Pretty stays a click away).
  const large = preview.data.length > 256 * 1024;
  const binary = preview.encoding === 'base64';
  const [chosen, setChosen] = useState<View | null>(null);
  const view: View = chosen ?? (binary ? 'hex' : json !== undefined && !large ? 'pretty' : 'raw');
  const [searching, setSearching] = useState(false);
  const [path, setPath] = useState('');
  const filtered = useMemo(() => (json === undefined || path.trim() === '' ? null : filterJson(json, path)), [json, path]);
  const matches = filtered && 'matches' in filtered ? filtered.matches : null;
  const bodyView = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    // Ctrl/Cmd+F while in the response finds in the response, not in the whole page.
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      if (searching) event.currentTarget.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      else setSearching(true);
    }
  };
  const closeSearch = () => {
    setSearching(false);
    bodyView.current?.focus();
  };

  return (
    <div className="wb-response-body" onKeyDown={onKeyDown}>
      {saved && (spilled ? <SpilledFileNote spilled={saved} /> : <SavedFileNote saved={saved} />)}
      <div className="wb-body-tools">
        <div role="radiogroup" aria-label="Body view" className="wb-segments">
          {(['pretty', 'raw', 'hex'] as const).map((option) => (
            <button key={option} type="button" role="radio" aria-checked={view === option} disabled={option === 'pretty' && json === undefined} onClick={() => setChosen(option)}>
              {option === 'pretty' ? 'Pretty' : option === 'raw' ? 'Raw' : 'Hex'}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => setSearching(true)} title="Find in the response (Ctrl/Cmd+F)" aria-pressed={searching}>
          Find
        </button>
        {json !== undefined && view !== 'hex' && (
          <input
            className="wb-jsonpath"
            aria-label="JSONPath filter"
            aria-invalid={filtered !== null && 'error' in filtered}
            aria-describedby={filtered !== null && 'error' in filtered ? 'jsonpath-error' : undefined}
            placeholder="Filter: $.data[*].id"
            spellCheck={false}
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
        )}
        {!preview.truncated && (
          <button type="button" className="wb-save-as" onClick={() => downloadPreview(preview, responseFileName(response.url), response.contentType)}>
            Save response as…
          </button>
        )}
      </div>
      {filtered !== null && 'error' in filtered && (
        <p className="error" id="jsonpath-error" role="alert" data-testid="jsonpath-error">
          {filtered.error}
        </p>
      )}
      {searching && <ResponseSearch within={bodyView} onClose={closeSearch} />}
      {preview.truncated && (
        <p className="hint">
          Only the first part of the body is shown here
          {spilled ? '; the whole body waits in a temporary file until you save it' : saved ? '' : '; tick “Save the body to a file” in Settings to keep all of it'}.
        </p>
      )}
      {matches !== null && view !== 'hex' && (
        <p className="hint" role="status" data-testid="jsonpath-count">
          {matches.length === 1 ? '1 match' : `${matches.length} matches`} for {path.trim()}
        </p>
      )}
      <div className="wb-body-view" data-testid="response-body" ref={bodyView} tabIndex={0} role="region" aria-label="Body preview">
        {view === 'pretty' && json !== undefined && <JsonTree value={matches !== null ? matches : json} />}
        {view === 'raw' && <pre>{binary ? `(binary, ${preview.data.length} base64 characters; use Hex)` : matches !== null ? JSON.stringify(matches, null, 2) : preview.data}</pre>}
        {view === 'hex' && <pre className="wb-hex" data-testid="response-hex" tabIndex={0} aria-label="Hex dump">{hexDump(preview)}</pre>}
      </div>
    </div>
  );
}
