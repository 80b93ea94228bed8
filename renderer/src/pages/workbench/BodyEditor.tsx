import { useState } from 'react';
import type { RequestBody } from '../../../../main/contract/workspace.ts';
import { PairsEditor } from './PairsEditor.tsx';
import { BodyTextArea } from './body/BodyTextArea.tsx';
import { AllowedFolders } from './body/AllowedFolders.tsx';
import { FilePathField } from './body/FilePathField.tsx';
import { formatJson } from './body/json-format.ts';
import { MultipartEditor } from './body/MultipartEditor.tsx';

const EMPTY: Record<RequestBody['kind'], RequestBody> = {
  none: { kind: 'none' },
  json: { kind: 'json', text: '{\n  \n}' },
  form: { kind: 'form', pairs: [] },
  multipart: { kind: 'multipart', parts: [] },
  raw: { kind: 'raw', text: '', contentType: 'text/plain' },
  binary: { kind: 'binary', path: '', contentType: '' },
};

const LABELS: Record<RequestBody['kind'], string> = {
  none: 'none',
  json: 'JSON',
  form: 'form-urlencoded',
  multipart: 'multipart',
  raw: 'raw',
  binary: 'binary file',
};

export function BodyEditor({ body, onChange }: { body: RequestBody; onChange: (body: RequestBody) => void }) {
  return (
    <div className="wb-body">
      <div role="radiogroup" aria-label="Body kind" className="wb-segments">
        {(['none', 'json', 'form', 'multipart', 'raw', 'binary'] as const).map((kind) => (
          <button key={kind} type="button" role="radio" aria-checked={body.kind === kind} onClick={() => body.kind !== kind && onChange(EMPTY[kind])}>
            {LABELS[kind]}
          </button>
        ))}
      </div>
      {body.kind === 'none' && <p className="hint">This request sends no body.</p>}
      {body.kind === 'json' && <JsonBody text={body.text} onChange={(text) => onChange({ ...body, text })} />}
      {body.kind === 'form' && <PairsEditor label="Form field" pairs={body.pairs} onChange={(pairs) => onChange({ ...body, pairs })} />}
      {body.kind === 'multipart' && <MultipartEditor parts={body.parts} onChange={(parts) => onChange({ ...body, parts })} />}
      {body.kind === 'raw' && (
        <>
          <input aria-label="Content type" value={body.contentType} onChange={(event) => onChange({ ...body, contentType: event.target.value })} />
          <BodyTextArea label="Raw body" value={body.text} onChange={(text) => onChange({ ...body, text })} />
        </>
      )}
      {body.kind === 'binary' && (
        <>
          <FilePathField label="Body file" path={body.path} onChange={(path) => onChange({ ...body, path })} />
          <input aria-label="Content type" placeholder="application/octet-stream" value={body.contentType} onChange={(event) => onChange({ ...body, contentType: event.target.value })} />
          <p className="hint">The file&apos;s bytes are the whole body, read by main when the request is sent (up to 50 MiB). A Content-Type header of the request wins over this type.</p>
        </>
      )}
      {(body.kind === 'multipart' || body.kind === 'binary') && <AllowedFolders />}
    </div>
  );
}

function jsonProblem(text: string): string | null {
  if (!text.trim()) return null;
  const result = formatJson(text);
  return result.ok ? null : result.error;
}

/** The JSON body: Tab indents, "Format JSON" re-indents, and a problem is said inline. */
function JsonBody({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const [formatError, setFormatError] = useState<string | null>(null);
  const problem = jsonProblem(text);
  const format = () => {
    const result = formatJson(text);
    if (result.ok) {
      setFormatError(null);
      onChange(result.text);
    } else {
      setFormatError(result.error);
    }
  };
  return (
    <>
      <div className="wb-body-actions">
        <button type="button" onClick={format}>
          Format JSON
        </button>
      </div>
      <BodyTextArea
        label="JSON body"
        value={text}
        onChange={(next) => {
          setFormatError(null);
          onChange(next);
        }}
      />
      {formatError !== null ? (
        <p className="warn" role="alert" data-testid="json-format-error">
          Cannot format: not valid JSON ({formatError}). Nothing was changed.
        </p>
      ) : problem ? (
        <p className="warn" data-testid="json-problem">
          Not valid JSON yet: {problem}
        </p>
      ) : (
        <p className="hint">Valid JSON.</p>
      )}
    </>
  );
}
