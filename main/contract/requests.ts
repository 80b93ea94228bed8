import { z } from 'zod';
import { AssertionResult } from './assertions.ts';
import { CompareExpected, CompareReport, SchemeTrace } from './auth.ts';
import { HttpOutcome, HttpProgress } from './http.ts';
import { NetworkFacts } from './network.ts';
import { SecretSourceFact } from './secret-providers.ts';
import { Exchange, ExchangeFailure } from './exchanges.ts';

const Id = z.string().min(1).max(100);
const SendId = z.string().min(1).max(128);

/** Where a response body goes besides the preview: a folder (server's name) or an exact file. */
export const SaveChoice = z.union([
  z.strictObject({ directory: z.string().min(1).max(4096) }),
  z.strictObject({ file: z.string().min(1).max(4096) }),
]);

export const SendInput = z.strictObject({
  requestId: Id,
  environmentId: Id,
  /** The caller's id for progress events and cancel; one is drawn when absent. */
  sendId: SendId.optional(),
  /** Required for a protected environment: the user confirmed this send by name. */
  confirmProtected: z.literal(true).optional(),
  save: SaveChoice.optional(),
});
export type SendInput = z.input<typeof SendInput>;

export const SentEnvironment = z.object({ id: z.string(), name: z.string(), protected: z.boolean() });

export const SendResult = z.object({
  sendId: z.string(),
  environment: SentEnvironment,
  outcome: HttpOutcome,
  /** One redacted trace per scheme of the chain, for the signature debugger. */
  traces: z.array(SchemeTrace),
  /** A 401 dropped the token and the request went once more. */
  retried: z.boolean(),
  /** The body is in a temporary spill file (`outcome.response.saved`), removed unless saved with files:save-as. */
  spilled: z.boolean().optional(),
  /** Which proxy, CA and client certificate (by vault name) the send used, and whether TLS was verified. */
  network: NetworkFacts.optional(),
  /** Which provider (vault, env, pass) served each secret the send read, by name. */
  secretSources: z.array(SecretSourceFact).optional(),
  /** The request's assertions, evaluated against this response (main/assertions); absent when it has none. */
  assertions: z.array(AssertionResult).optional(),
  /** Every HTTP round trip in order: token requests, then the call. */
  exchanges: z.array(Exchange).optional(),
  /**
   * Set when the send failed (category and plain-words cause). When a token step failed, the call was never
   * made: `outcome` is then the token endpoint's answer and `traces` end with the token step's.
   */
  failure: ExchangeFailure.nullable().optional(),
  /** The History entry this send was recorded as (for diagnosis:explain / diagnosis:variants); null when not recorded. */
  historyId: z.string().nullable().optional(),
});
export type SendResult = z.output<typeof SendResult>;

/** The signed request as the debugger may show it: every secret replaced by a placeholder. */
export const SignedPreview = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  body: z.string(),
});
export type SignedPreview = z.output<typeof SignedPreview>;

export const SignInput = z.strictObject({
  requestId: Id,
  environmentId: Id,
  compare: CompareExpected.optional(),
});

export const SignResult = z.object({
  environment: SentEnvironment,
  request: SignedPreview,
  traces: z.array(SchemeTrace),
  compare: CompareReport.nullable(),
  /** Which provider (vault, env, pass) served each secret signing read, by name. */
  secretSources: z.array(SecretSourceFact).optional(),
  /** The token requests signing needed (they really are sent, even here), and their answers. */
  exchanges: z.array(Exchange).optional(),
  /** Set when signing could not finish (e.g. the token endpoint refused the credentials); `request` is then the token request that failed. */
  failure: ExchangeFailure.nullable().optional(),
  /** E.g. "Nothing was sent to the API; the token request to … was sent to get a token." */
  note: z.string().nullable().optional(),
});
export type SignResult = z.output<typeof SignResult>;

export const CurlInput = z.strictObject({
  requestId: Id,
  environmentId: Id,
  /** Main copies the full command (with secrets) to the clipboard itself; it never crosses to the renderer. */
  includeSecrets: z.literal(true).optional(),
});

export const CurlResult = z.object({
  /** The command with every secret replaced by a placeholder such as <secret:client_secret>. */
  command: z.string(),
  /** True when main put the full command, secrets included, on the clipboard (cleared after 30 s). */
  copiedWithSecrets: z.boolean(),
  warning: z.string().nullable(),
});
export type CurlResult = z.output<typeof CurlResult>;

export const requestsChannels = {
  /** "Copy as curl": signs like "sign without sending" and returns the redacted command. */
  'requests:curl': { input: CurlInput, output: CurlResult },
  'requests:send': { input: SendInput, output: SendResult },
  /** "Sign without sending": the trace, and a comparison with what the gateway expected. */
  'requests:sign': { input: SignInput, output: SignResult },
  'requests:cancel': { input: z.strictObject({ sendId: SendId }), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const requestsEvents = {
  'requests:progress': HttpProgress,
} as const;
