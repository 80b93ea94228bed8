import type { AssertionResult } from '../contract/assertions.ts';
import { HistoryEntry as HistoryEntrySchema, type HistoryEntry, type RedactedSummary } from '../contract/history.ts';
import type { Exchange, ExchangeFailure, SignatureInputs } from '../contract/exchanges.ts';
import type { HttpErrorKind, HttpOutcome } from '../contract/http.ts';
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
} & SendRecordDetails;

/** What the send found out: its response or failure, and its exchanges. */
export type SendRecordDetails = {
  summary: RedactedSummary | null;
  /** Every round trip of the send, already redacted. */
  exchanges?: Exchange[] | undefined;
  failure?: ExchangeFailure | null | undefined;
  signatureInputs?: SignatureInputs | null | undefined;
  /** The request's assertion results for this outcome; walked by the send's redactor with the rest of the entry. */
  assertions?: AssertionResult[] | undefined;
} & ({ outcome: HttpOutcome } | { signingError: string; errorKind?: HttpErrorKind | 'signing' | undefined });

/** One History entry from a finished send (a response, a network failure, or a signing failure). The caller walks the entry with the send's redactor. */
export function historyEntryOf(record: SendRecord): HistoryEntry {
  return fitForFile(entryOf(record));
}

/**
 * The same, not yet checked against the file schema: for HistoryService.record, which checks it with
 * fitForFile when it writes, off the send's path (the schema check of a whole entry is ~0.1 ms).
 */
export function draftHistoryEntry(record: SendRecord): HistoryEntry {
  return entryOf(record);
}

/**
 * An entry the History file could not read back would be skipped as damaged, losing the send: if the
 * exchanges or signature inputs break a limit of the schema (an extreme request), they are left out.
 */
export function fitForFile(entry: HistoryEntry): HistoryEntry {
  if (HistoryEntrySchema.safeParse(entry).success) return entry;
  return Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'exchanges' && key !== 'signatureInputs')) as HistoryEntry;
}

function entryOf(record: SendRecord): HistoryEntry {
  const base = {
    id: record.id,
    at: record.at,
    requestId: record.request.id,
    requestName: record.request.name,
    method: record.request.method,
    collectionId: record.collection.id,
    collectionName: record.collection.name,
    environment: { ...record.environment },
    summary: record.summary ?? lastSentRequest(record.exchanges),
    ...(record.exchanges === undefined ? {} : { exchanges: record.exchanges }),
    ...(record.failure === undefined ? {} : { failure: record.failure }),
    ...(record.signatureInputs === undefined ? {} : { signatureInputs: record.signatureInputs }),
    ...(record.assertions === undefined ? {} : { assertions: record.assertions }),
  };
  if ('signingError' in record) {
    return { ...base, status: null, errorKind: record.errorKind ?? 'signing', errorMessage: record.signingError, durationMs: record.durationMs, bytes: 0 };
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

/** A send that stopped at its token step still sent something: History shows that request instead of "nothing was sent". */
function lastSentRequest(exchanges: readonly Exchange[] | undefined): RedactedSummary | null {
  const sent = [...(exchanges ?? [])].reverse().find((exchange) => exchange.sent && exchange.request !== null);
  if (sent?.request == null) return null;
  const { bodyPreview, ...rest } = sent.request;
  return { ...rest, bodyPreview: bodyPreview.length > BODY_PREVIEW_CHARS ? `${bodyPreview.slice(0, BODY_PREVIEW_CHARS)}…` : bodyPreview };
}
