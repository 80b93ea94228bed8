import type { SourceDraft, SourceKind } from './draft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssueIndex } from './issues.ts';
import { sourcePaths } from './issues.ts';

/** Where a step reads a value: the response (or the callback a wait step received), the request as sent, or a template. */
export type ReadsFrom = 'response' | 'callback';

type KindSpec = { response: string; callback: string | null; field: string | null; placeholder: string };

const KINDS: Record<SourceKind, KindSpec> = {
  json: { response: 'Response JSON path', callback: 'Callback JSON path', field: 'JSON path', placeholder: '$.reportId' },
  header: { response: 'Response header', callback: 'Callback header', field: 'header name', placeholder: 'Location' },
  status: { response: 'Response status', callback: null, field: null, placeholder: '' },
  'sent-header': { response: 'Sent header', callback: null, field: 'header name', placeholder: 'X-Reference-Id' },
  'sent-json': { response: 'Sent JSON path', callback: null, field: 'JSON path', placeholder: '$.externalId' },
  value: { response: 'Template', callback: 'Template', field: 'template', placeholder: '{{apiUser}}' },
};

const ORDER: SourceKind[] = ['json', 'header', 'status', 'sent-header', 'sent-json', 'value'];

/** A source kind plus its one field (path, header name or template); `label` prefixes the controls' names ("Capture 1 JSON path"). */
export function SourceFields(props: { label: string; source: SourceDraft; readsFrom: ReadsFrom; path: string; issues: IssueIndex; onChange: (source: SourceDraft) => void }) {
  const { label, source, readsFrom } = props;
  const spec = KINDS[source.from];
  // A callback has no status or sent request; a saved flow that names one still shows it.
  const kinds = ORDER.filter((kind) => kind === source.from || (readsFrom === 'response' ? true : KINDS[kind].callback !== null));
  const messages = sourcePaths(props.path).flatMap((path) => props.issues.at(path));
  return (
    <span className="fe-source">
      <select aria-label={`${label} source`} value={source.from} onChange={(event) => props.onChange({ ...source, from: event.target.value as SourceKind })}>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {readsFrom === 'callback' ? (KINDS[kind].callback ?? KINDS[kind].response) : KINDS[kind].response}
          </option>
        ))}
      </select>
      {spec.field !== null && (
        <input
          className="fe-code"
          aria-label={`${label} ${spec.field}`}
          aria-invalid={messages.length > 0 || undefined}
          placeholder={spec.placeholder}
          value={source.field}
          onChange={(event) => props.onChange({ ...source, field: event.target.value })}
        />
      )}
      <FieldIssues messages={messages} />
    </span>
  );
}
