import { z } from 'zod';
import { HttpErrorKind } from './http.ts';

const Id = z.string().min(1).max(100);

/** What was sent, as safe to store and show: every secret replaced by the signer's redaction. */
export const RedactedSummary = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  /** The start of the body, redacted; empty when there was none. */
  bodyPreview: z.string().max(2048),
});
export type RedactedSummary = z.output<typeof RedactedSummary>;

/** One send, as History keeps it. */
export const HistoryEntry = z.object({
  id: z.string(),
  /** Epoch milliseconds when the send started. */
  at: z.number(),
  requestId: z.string(),
  requestName: z.string(),
  method: z.string(),
  collectionId: z.string(),
  collectionName: z.string(),
  environment: z.object({ id: z.string(), name: z.string(), protected: z.boolean() }),
  /** The HTTP status, or null when the send failed before a response. */
  status: z.number().int().nullable(),
  /** The mapped failure kind (network kinds, or "signing"), null on a response. */
  errorKind: z.union([HttpErrorKind, z.literal('signing')]).nullable(),
  /** A short, redacted reason for a failure. */
  errorMessage: z.string().nullable(),
  durationMs: z.number().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** Null when the send failed before it was signed. */
  summary: RedactedSummary.nullable(),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;

export const historyChannels = {
  /** Newest first; only one request's sends when requestId is given. */
  'history:list': {
    input: z.strictObject({ requestId: Id.optional(), limit: z.number().int().min(1).max(500).optional() }),
    output: z.array(HistoryEntry),
  },
  'history:get': { input: z.strictObject({ id: Id }), output: HistoryEntry },
  'history:clear': { input: z.strictObject({ confirm: z.literal(true) }), output: z.object({ cleared: z.number().int() }) },
} as const;

export const historyEvents = {
  'history:changed': z.object({ count: z.number().int() }),
} as const;
