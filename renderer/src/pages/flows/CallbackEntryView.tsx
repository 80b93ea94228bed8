import type { CallbackEntry } from '../../../../main/contract/flows.ts';
import { HeadersTable } from '../../components/HeadersTable.tsx';
import { formatBytes } from '../../format/bytes.ts';

/** What the inbox kept of a cut body: its cap when known, else the kept text's UTF-8 size. */
export function keptBytes(entry: CallbackEntry, maxBodyBytes: number | null): number {
  if (maxBodyBytes !== null) return Math.min(entry.bodyBytes, maxBodyBytes);
  return new TextEncoder().encode(entry.body).length;
}

export function TruncatedFlag({ entry, maxBodyBytes }: { entry: CallbackEntry; maxBodyBytes: number | null }) {
  if (!entry.truncated) return null;
  return (
    <span className="fl-truncated" data-testid="truncated-flag">
      truncated: {formatBytes(entry.bodyBytes)} received, {formatBytes(keptBytes(entry, maxBodyBytes))} kept
    </span>
  );
}

/**
 * A received callback as plain text: React escapes every string, the body
 * sits in a <pre>, and nothing in it (links, HTML, scripts) is followed.
 */
export function CallbackEntryView({ entry, maxBodyBytes }: { entry: CallbackEntry; maxBodyBytes: number | null }) {
  return (
    <div className="fl-callback" data-testid="callback-entry">
      <p>
        <code>
          {entry.method} {entry.path}
        </code>{' '}
        <span className="hint">received {new Date(entry.receivedAt).toLocaleString()}</span> <TruncatedFlag entry={entry} maxBodyBytes={maxBodyBytes} />
      </p>
      <HeadersTable headers={entry.headers} caption="Headers" />
      {entry.body === '' ? <p className="hint">(no body)</p> : <pre className="fl-plain" data-testid="callback-body">{entry.body}</pre>}
    </div>
  );
}
