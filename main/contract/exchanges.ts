import { z } from 'zod';
import { AuthChain, SchemeTrace } from './auth.ts';
import { HeaderPair as ResponseHeader, TimingBreakdown } from './http.ts';

/**
 * The exchanges of one send (a token request, then the call) and the inputs
 * of its signature, as History keeps them. Everything here has been walked by
 * the send's redactor: a secret appears by name, length and fingerprint only.
 */

/** Why an exchange failed, in the words a user acts on. */
export const FailureCategory = z.enum([
  /** DNS, refused, reset, timeout, proxy: the other side was not reached or did not answer. */
  'network',
  /** The TLS handshake failed (certificate, client certificate). */
  'tls',
  /** A token endpoint answered, but refused the client credentials (400/401 invalid_client and the like). */
  'token_refused',
  /** The signature could not be computed (bad key, unreadable body). */
  'signing',
  /** The call was answered with a status outside 2xx (401, 403, …). */
  'gateway_status',
  /** Something to fix in the workspace or vault before anything can be sent (unknown variable, missing secret, bad URL). */
  'configuration',
]);
export type FailureCategory = z.output<typeof FailureCategory>;

export const ExchangeFailure = z.object({
  category: FailureCategory,
  /** One sentence in plain words, naming a secret by vault name and environment, e.g. "the token endpoint refused the client credentials: check paynet.client_secret in UAT". */
  cause: z.string(),
  /** The underlying message (mapped network error, token endpoint answer), redacted; null when the cause says it all. */
  detail: z.string().nullable(),
});
export type ExchangeFailure = z.output<typeof ExchangeFailure>;

/** A request as it went out, redacted (the same shape as History's summary). */
export const ExchangeRequest = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  /** The start of the body, redacted; empty when there was none. */
  bodyPreview: z.string().max(4096),
});
export type ExchangeRequest = z.output<typeof ExchangeRequest>;

/** One HTTP round trip of a send. */
export const Exchange = z.object({
  /** `token`: fetching a token for the chain (OAuth 2.0, MoMo); `call`: the request itself. */
  role: z.enum(['token', 'call']),
  /** What it was for, e.g. "OAuth 2.0 client credentials token" or the request's name. */
  label: z.string(),
  /** The request as sent, redacted; null when it failed before it went out. */
  request: ExchangeRequest.nullable(),
  /** True when the request left this machine (a DNS failure, for example, sent nothing). */
  sent: z.boolean(),
  /** Epoch ms when it started. */
  at: z.number(),
  status: z.number().int().nullable(),
  /** Response headers (lower-case names); empty without a response. */
  headers: z.array(ResponseHeader).max(1000),
  /** The start of the response body, redacted; empty without a response. */
  bodyPreview: z.string().max(4096),
  timing: TimingBreakdown.nullable(),
  durationMs: z.number().nonnegative(),
  /** The signing trace of this exchange: the token step's for a token request, the chain's for the call; null when signing never ran. */
  traces: z.array(SchemeTrace),
  /** Null when the exchange succeeded (a 2xx answer). */
  failure: ExchangeFailure.nullable(),
});
export type Exchange = z.output<typeof Exchange>;

/** A vault secret the signature used, told apart without its value. */
export const SecretRef = z.object({
  name: z.string(),
  environment: z.string(),
  length: z.number().int().nonnegative(),
  /** "sha256:" and 16 hex digits of a digest salted with the environment and name: equal fingerprints mean the same value. */
  fingerprint: z.string(),
});
export type SecretRef = z.output<typeof SecretRef>;

/** A request before its templates were resolved, as re-derivation needs it (redacted like everything stored). */
export const RequestSnapshot = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  body: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('json'), text: z.string() }),
    z.object({ kind: z.literal('form'), pairs: z.array(z.object({ name: z.string(), value: z.string() })) }),
    z.object({ kind: z.literal('raw'), text: z.string() }),
    // Files by path only: their bytes are never kept in History.
    z.object({
      kind: z.literal('multipart'),
      parts: z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('text'), name: z.string(), value: z.string() }),
          z.object({ kind: z.literal('file'), name: z.string(), path: z.string(), contentType: z.string().optional(), fileName: z.string().optional() }),
        ]),
      ),
    }),
    z.object({ kind: z.literal('binary'), path: z.string() }),
  ]),
});
export type RequestSnapshot = z.output<typeof RequestSnapshot>;

/** A value drawn at send time, in the order it was drawn. */
export const DrawnValue = z.object({
  kind: z.enum(['clock', 'nonce', 'uuid', 'randomInt']),
  value: z.string(),
});
export type DrawnValue = z.output<typeof DrawnValue>;

/**
 * What a signature was made from, kept with the History entry so Compare can
 * re-derive exactly that signature later: the clock readings and random values
 * in the order the signer drew them, the variables, and the secrets by
 * reference. Never a secret value.
 */
export const SignatureInputs = z.object({
  /** The scheme whose signature Compare checks (the last signing step of the chain), e.g. "OAuth 1.0a HMAC-SHA1". */
  scheme: z.string(),
  /** The signing timestamp as the scheme put it on the wire (oauth_timestamp, X-Timestamp, unixTimestamp); null when it has none. */
  timestamp: z.string().nullable(),
  /** The oauth_nonce, when there is one. */
  nonce: z.string().nullable(),
  /** Every clock reading and random value ({{$uuid}}, {{$nonce}}, oauth_nonce…) in the order drawn. */
  drawn: z.array(DrawnValue).max(2000),
  /** The environment's variables as resolved for this send (overrides included); a secret-valued one shows as [redacted]. */
  variables: z.array(z.object({ name: z.string(), value: z.string() })).max(2000),
  /** The vault secrets the chain read, by reference. */
  secrets: z.array(SecretRef).max(50),
  /** The request and auth chain as they were at send time, templates unresolved. */
  request: RequestSnapshot,
  auth: AuthChain,
  /** Null when Compare can re-derive the signature; otherwise why not (e.g. a secret typed into the request instead of kept in the vault). */
  notReplayable: z.string().nullable(),
});
export type SignatureInputs = z.output<typeof SignatureInputs>;
