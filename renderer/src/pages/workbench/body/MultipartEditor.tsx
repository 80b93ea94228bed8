import type { MultipartPart } from '../../../../../main/contract/workspace.ts';
import { FilePathField } from './FilePathField.tsx';

/** multipart/form-data parts: text fields and files (by path); unticked parts are kept but not sent. */
export function MultipartEditor({ parts, onChange }: { parts: readonly MultipartPart[]; onChange: (parts: MultipartPart[]) => void }) {
  const update = (index: number, part: MultipartPart) => onChange(parts.map((old, at) => (at === index ? part : old)));
  return (
    <div className="wb-pairs wb-multipart" role="group" aria-label="Multipart parts">
      {parts.length === 0 && <p className="hint">No parts yet.</p>}
      {parts.map((part, index) => {
        const n = index + 1;
        return (
          <div className="wb-pair-block" key={index}>
            <div className="wb-pair">
              <input type="checkbox" aria-label={`Send part ${n}`} checked={part.enabled} onChange={(event) => update(index, { ...part, enabled: event.target.checked })} />
              <input aria-label={`Part ${n} name`} placeholder="name" value={part.name} onChange={(event) => update(index, { ...part, name: event.target.value })} />
              <select
                aria-label={`Part ${n} kind`}
                value={part.kind}
                onChange={(event) =>
                  update(index, event.target.value === 'file' ? { kind: 'file', name: part.name, path: '', enabled: part.enabled } : { kind: 'text', name: part.name, value: '', enabled: part.enabled })
                }
              >
                <option value="text">text</option>
                <option value="file">file</option>
              </select>
              {part.kind === 'text' && <input aria-label={`Part ${n} value`} placeholder="value" value={part.value} onChange={(event) => update(index, { ...part, value: event.target.value })} />}
              <button type="button" aria-label={`Remove part ${n}`} onClick={() => onChange(parts.filter((_, at) => at !== index))}>
                ×
              </button>
            </div>
            {part.kind === 'file' && (
              <div className="wb-part-file">
                <FilePathField label={`Part ${n} file`} path={part.path} onChange={(path) => update(index, { ...part, path })} />
                <input
                  aria-label={`Part ${n} content type`}
                  placeholder="application/octet-stream"
                  value={part.contentType ?? ''}
                  onChange={(event) => {
                    const rest = { ...part };
                    delete rest.contentType;
                    update(index, event.target.value === '' ? rest : { ...rest, contentType: event.target.value });
                  }}
                />
              </div>
            )}
          </div>
        );
      })}
      <div className="wb-body-actions">
        <button type="button" onClick={() => onChange([...parts, { kind: 'text', name: '', value: '', enabled: true }])}>
          Add text part
        </button>
        <button type="button" onClick={() => onChange([...parts, { kind: 'file', name: '', path: '', enabled: true }])}>
          Add file part
        </button>
      </div>
      <p className="hint">Countersign sets the boundary and the Content-Type header when it sends. Files are read then, up to 50 MiB for the whole body.</p>
    </div>
  );
}
