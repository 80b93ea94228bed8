import type { RequestBody } from '../../../../main/contract/workspace.ts';
import { PairsEditor } from './PairsEditor.tsx';

function jsonProblem(text: string): string | null {
  if (!text.trim()) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (reason) {
    return reason instanceof Error ? reason.message : String(reason);
  }
}

const EMPTY: Record<RequestBody['kind'], RequestBody> = {
  none: { kind: 'none' },
  json: { kind: 'json', text: '{\n  \n}' },
  form: { kind: 'form', pairs: [] },
  raw: { kind: 'raw', text: '', contentType: 'text/plain' },
};

export function BodyEditor({ body, onChange }: { body: RequestBody; onChange: (body: RequestBody) => void }) {
  const problem = body.kind === 'json' ? jsonProblem(body.text) : null;
  return (
    <div className="wb-body">
      <div role="radiogroup" aria-label="Body kind" className="wb-segments">
        {(['none', 'json', 'form', 'raw'] as const).map((kind) => (
          <button key={kind} type="button" role="radio" aria-checked={body.kind === kind} onClick={() => body.kind !== kind && onChange(EMPTY[kind])}>
            {kind === 'form' ? 'form-urlencoded' : kind === 'json' ? 'JSON' : kind}
          </button>
        ))}
      </div>
      {body.kind === 'none' && <p className="hint">This request sends no body.</p>}
      {body.kind === 'json' && (
        <>
          <textarea aria-label="JSON body" rows={12} spellCheck={false} value={body.text} onChange={(event) => onChange({ ...body, text: event.target.value })} />
          {problem ? (
            <p className="warn" data-testid="json-problem">
              Not valid JSON yet: {problem}
            </p>
          ) : (
            <p className="hint">Valid JSON.</p>
          )}
        </>
      )}
      {body.kind === 'form' && <PairsEditor label="Form field" pairs={body.pairs} onChange={(pairs) => onChange({ ...body, pairs })} />}
      {body.kind === 'raw' && (
        <>
          <input aria-label="Content type" value={body.contentType} onChange={(event) => onChange({ ...body, contentType: event.target.value })} />
          <textarea aria-label="Raw body" rows={12} spellCheck={false} value={body.text} onChange={(event) => onChange({ ...body, text: event.target.value })} />
        </>
      )}
    </div>
  );
}
