import { z } from 'zod';

// What the renderer may see of one HTTP exchange. Everything here is derived
// from the response or from the local machine; request secrets never appear.

const text = (max: number): z.ZodString => z.string().max(max);

/** A response header. Names are lower-cased; a repeated header (e.g. set-cookie) gives one pair per value. */
export const HeaderPair = z.tuple([text(1024), text(64 * 1024)]);
export type HeaderPair = z.infer<typeof HeaderPair>;

/**
 * Milliseconds spent in each phase. A phase that did not happen (DNS for an IP
 * literal, TLS for plain HTTP, anything on a reused or proxied connection) is null.
 */
export const TimingBreakdown = z.object({
  dnsMs: z.number().nonnegative().nullable(),
  connectMs: z.number().nonnegative().nullable(),
  tlsMs: z.number().nonnegative().nullable(),
  firstByteMs: z.number().nonnegative(),
  downloadMs: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
});
export type TimingBreakdown = z.infer<typeof TimingBreakdown>;

const URL_TEXT = 64 * 1024;
// Base64 of an 8 MiB preview at most (the default preview is 1 MiB).
const PREVIEW_TEXT = 12 * 1024 * 1024;

export const BodyPreview = z.object({
  encoding: z.enum(['utf8', 'base64']),
  data: z.string().max(PREVIEW_TEXT),
  /** True when the body is longer than what `data` holds. */
  truncated: z.boolean(),
});
export type BodyPreview = z.infer<typeof BodyPreview>;

export const SavedFile = z.object({
  path: text(4096),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type SavedFile = z.infer<typeof SavedFile>;

export const ClockSkew = z.object({
  serverDate: text(256),
  /** Server clock minus local clock, in seconds (positive: the server is ahead). */
  skewSeconds: z.number(),
  /** True when |skew| exceeds the limit: timestamp-based signatures will likely be rejected. */
  warning: z.boolean(),
});
export type ClockSkew = z.infer<typeof ClockSkew>;

export const RedirectHop = z.object({
  status: z.number().int(),
  from: text(URL_TEXT),
  location: text(URL_TEXT),
});
export type RedirectHop = z.infer<typeof RedirectHop>;

/** Why a redirect was reported instead of followed. */
export const PendingRedirect = z.object({
  location: text(URL_TEXT),
  reason: z.enum(['method-not-safe', 'max-hops', 'downgrade']),
});
export type PendingRedirect = z.infer<typeof PendingRedirect>;

export const HttpErrorKind = z.enum([
  'dns',
  'refused',
  'tls',
  'client-cert',
  'timeout',
  'reset',
  'proxy',
  'too-large',
  'cancelled',
  'file',
  'invalid-request',
  'protocol',
  /** A redirect hop the caller's policy refused (e.g. a host-bound secret would reach another host). */
  'redirect-refused',
  'other',
]);
export type HttpErrorKind = z.infer<typeof HttpErrorKind>;

export const CertificateInfo = z.object({
  subject: text(4096),
  issuer: text(4096),
  validFrom: text(64),
  validTo: text(64),
  fingerprint256: text(128),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

export const HttpError = z.object({
  kind: HttpErrorKind,
  /** One or two sentences for a person; never a stack trace or a secret. */
  message: text(4096),
  timeout: z.enum(['connect', 'headers', 'body']).optional(),
  certificate: CertificateInfo.optional(),
});
export type HttpError = z.infer<typeof HttpError>;

export const ResponseSummary = z.object({
  url: text(URL_TEXT),
  status: z.number().int(),
  statusText: text(1024),
  headers: z.array(HeaderPair).max(1000),
  timing: TimingBreakdown,
  /** Body bytes received, as on the wire (no content decoding is applied). */
  bytes: z.number().int().nonnegative(),
  contentType: text(1024).nullable(),
  preview: BodyPreview,
  saved: SavedFile.nullable(),
  clockSkew: ClockSkew.nullable(),
  redirects: z.array(RedirectHop),
  pendingRedirect: PendingRedirect.nullable(),
});
export type ResponseSummary = z.infer<typeof ResponseSummary>;

/** A finished exchange: a response (any status) or a mapped failure. */
export const HttpOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), response: ResponseSummary }),
  z.object({ ok: z.literal(false), error: HttpError, redirects: z.array(RedirectHop) }),
]);
export type HttpOutcome = z.infer<typeof HttpOutcome>;

/** Download progress, sent at most about ten times a second per request. */
export const HttpProgress = z.object({
  requestId: z.string().max(128),
  bytes: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  /** Bytes per second over the interval since the previous event. */
  rate: z.number().nonnegative(),
});
export type HttpProgress = z.infer<typeof HttpProgress>;
