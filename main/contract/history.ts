import { z } from 'zod';
import { HttpErrorKind } from './http.ts';
import { Exchange, ExchangeFailure, SignatureInputs } from './exchanges.ts';
import { AssertionResult, MAX_ASSERTIONS } from './assertions.ts';

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
  /** Every HTTP round trip of the send in order (token requests, then the call); absent in entries from before they were kept. */
  exchanges: z.array(Exchange).max(20).optional(),
  /** Why the send failed, by category (network, tls, token_refused, signing, gateway_status, configuration); null when it got a 2xx. */
  failure: ExchangeFailure.nullable().optional(),
  /** What the signature was made from, so Compare re-derives exactly it; null when the chain signs nothing or the send never signed. */
  signatureInputs: SignatureInputs.nullable().optional(),
  /**
   * The request's assertions as this send evaluated them, actual values redacted; absent when it had none, failed before
   * it was sent (signing, a token step), or was recorded before History kept them. Optional, so older lines still load
   * and older readers skip it (an unknown field is dropped, not refused): the file's schema version stays 2.
   */
  assertions: z.array(AssertionResult).max(MAX_ASSERTIONS).optional(),
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
