import type { HistoryEntry, RedactedSummary } from '../contract/history.ts';
import type { HttpOutcome } from '../contract/http.ts';
import type { Redactor } from '../core/redactor.ts';
import type { SignedRequest as WireRequest } from '../http/index.ts';

export const BODY_PREVIEW_CHARS = 512;

/** Method, URL, headers and the start of the body, walked by the send's redactor. */
export function redactedSummary(wire: WireRequest, redactor: Redactor): RedactedSummary {
  // The whole request is redacted before the body is cut, so a secret straddling the cut cannot leave half of itself behind.
  const whole = redactor.redactDeep({
    method: wire.method,
    url: wire.url,
    headers: wire.headers.map(([name, value]) => ({ name, value })),
    body: typeof wire.body === 'string' ? wire.body : '',
  });
  const { body, ...rest } = whole;
  return { ...rest, bodyPreview: body.length > BODY_PREVIEW_CHARS ? `${body.slice(0, BODY_PREVIEW_CHARS)}…` : body };
}

export type SendRecord = {
  id: string;
  at: number;
  durationMs: number;
  request: { id: string; name: string; method: string };
  collection: { id: string; name: string };
  environment: { id: string; name: string; protected: boolean };
  summary: RedactedSummary | null;
} & ({ outcome: HttpOutcome } | { signingError: string });

/** One History entry from a finished send (a response, a network failure, or a signing failure). The caller walks the entry with the send's redactor. */
export function historyEntryOf(record: SendRecord): HistoryEntry {
  const base = {
    id: record.id,
    at: record.at,
    requestId: record.request.id,
    requestName: record.request.name,
    method: record.request.method,
    collectionId: record.collection.id,
    collectionName: record.collection.name,
    environment: { ...record.environment },
    summary: record.summary,
  };
  if ('signingError' in record) {
    return { ...base, status: null, errorKind: 'signing', errorMessage: record.signingError, durationMs: record.durationMs, bytes: 0 };
  }
  const { outcome } = record;
  if (outcome.ok) {
    return {
      ...base,
      status: outcome.response.status,
      errorKind: null,
      errorMessage: null,
      durationMs: outcome.response.timing.totalMs,
      bytes: outcome.response.bytes,
    };
  }
  return { ...base, status: null, errorKind: outcome.error.kind, errorMessage: outcome.error.message, durationMs: record.durationMs, bytes: 0 };
}
