import type { HistoryEntry, RedactedSummary } from '../contract/history.ts';
import type { HttpOutcome } from '../contract/http.ts';
import type { SignedRequest as WireRequest } from '../http/index.ts';

export const BODY_PREVIEW_CHARS = 512;

/** Method, URL, headers and the start of the body, each passed through the signer's redact (which replaces secrets by value). */
export function redactedSummary(wire: WireRequest, redact: (text: string) => string): RedactedSummary {
  const body = typeof wire.body === 'string' ? wire.body : '';
  // Redact the whole body before cutting it, so a secret straddling the cut cannot leave half of itself behind.
  const redactedBody = redact(body);
  return {
    method: wire.method,
    url: redact(wire.url),
    headers: wire.headers.map(([name, value]) => ({ name, value: redact(value) })),
    bodyPreview: redactedBody.length > BODY_PREVIEW_CHARS ? `${redactedBody.slice(0, BODY_PREVIEW_CHARS)}…` : redactedBody,
  };
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

/** One History entry from a finished send (a response, a network failure, or a signing failure). Messages are already redacted by the caller. */
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
