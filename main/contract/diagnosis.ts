import { z } from 'zod';
import { CompareReport } from './auth.ts';
import { SecretRef } from './exchanges.ts';

/**
 * The signature debugger's diagnosis: what the user pastes from the gateway
 * (its base string, expected signature, X-Signature or a whole raw request),
 * compared with a request that was sent (a History entry, re-derived exactly)
 * or, failing that, a fresh signature of a saved request.
 */

const Id = z.string().min(1).max(100);

/** Which signature to check: a send recorded in History, or a saved request signed afresh (nothing sent). */
export const DiagnosisSource = z.union([
  z.strictObject({ historyId: Id }),
  z.strictObject({ requestId: Id, environmentId: Id }),
]);
export type DiagnosisSource = z.input<typeof DiagnosisSource>;

/** What the gateway said it expected; at least one field. */
export const ExpectedFromGateway = z.strictObject({
  /** The server's base string / string to sign. */
  baseString: z.string().max(1_000_000).optional(),
  /** The expected signature: hex, base64, percent-encoded, or a pasted `Authorization: OAuth …` header. */
  signature: z.string().max(10_000).optional(),
  /** PayNet: the X-Signature the server computed (hex), or the whole `X-Signature: …` line. */
  xSignature: z.string().max(10_000).optional(),
  /** A full raw HTTP request from the gateway's logs (request line, headers, blank line, body). */
  rawRequest: z.string().max(1_000_000).optional(),
  /** The server's Date (e.g. from its 403); History's response Date is used when absent. */
  serverDate: z.string().max(256).optional(),
});
export type ExpectedFromGateway = z.input<typeof ExpectedFromGateway>;

export const DiagnosisInput = z.strictObject({ source: DiagnosisSource, expected: ExpectedFromGateway });
export type DiagnosisInput = z.input<typeof DiagnosisInput>;

/** The most likely cause, one of a fixed set so the UI and the CLI can react. */
export const DiagnosisCause = z.enum([
  /** Everything given matches: the gateway should accept this signature. */
  'match',
  /** Same string signed, different signature: the key differs (wrong secret, wrong environment, key shape). */
  'key_differs',
  /** The secret in the vault is not the one this send used (its fingerprint changed). */
  'secret_changed',
  /** The timestamp is outside the gateway's window (compared with its Date header). */
  'clock_skew',
  /** Same parameters, encoded differently (space as + vs %20, double encoding, NFC/NFD). */
  'encoding',
  /** A parameter is missing, extra or repeated (e.g. oauth_* in the body too). */
  'parameters',
  /** The same fields concatenated in another order (CENTAGATE's table vs its code samples). */
  'field_order',
  /** An optional field concatenated as "null" instead of an empty string. */
  'optional_null',
  /** PayNet: the signature is over another input (timestamp in milliseconds, the client id as key). */
  'wrong_input',
  /** The URL, method or another component differs. */
  'request_differs',
  /** Nothing above explains the difference. */
  'unknown',
  /** This chain computes no signature (MoMo, bearer, basic): there is nothing to compare. */
  'no_signature',
  /** The send stopped at its token step (credentials refused, or the token endpoint unreachable): no signature was made. */
  'token_failed',
]);
export type DiagnosisCause = z.output<typeof DiagnosisCause>;

/** One key shape Compare signed with, never the key. */
export const KeyTried = z.object({
  /** e.g. "paynet.client_secret (UAT) + '&'", "the Sandbox value of elecsnet.control_key", "the key read as PKCS#1". */
  description: z.string(),
  secret: SecretRef.nullable(),
  matches: z.boolean(),
});
export type KeyTried = z.output<typeof KeyTried>;

export const DiagnosisReport = z.object({
  /** What was compared, e.g. "the request sent at 2026-12-03 12:03:04 UTC (history)" or "a fresh signature: nothing was sent". */
  subject: z.string(),
  /** The History entry re-derived, or null for a fresh signature. */
  historyId: z.string().nullable(),
  scheme: z.string(),
  cause: DiagnosisCause,
  /** One sentence: the most likely cause with its evidence. */
  sentence: z.string(),
  /** The facts behind the sentence, one per line. */
  evidence: z.array(z.string()),
  /** The component-by-component diff (the old Compare report). */
  compare: CompareReport,
  keysTried: z.array(KeyTried),
  /** The secrets the signature used, as recorded, and whether each still has that value in the vault. */
  secrets: z.array(SecretRef.extend({ changedSince: z.boolean().nullable() })),
  /** True when the recorded signature was re-derived exactly (same timestamp, nonce, dynamic values). */
  reDerived: z.boolean(),
  warnings: z.array(z.string()),
});
export type DiagnosisReport = z.output<typeof DiagnosisReport>;

export const SignatureVariantResult = z.object({
  /** Stable id, e.g. "oauth1.plus-for-space", "paynet.timestamp-ms". */
  id: z.string(),
  /** What this variant does differently, in words. */
  description: z.string(),
  /** The string it signs (redacted). */
  stringToSign: z.string(),
  signatureHex: z.string(),
  signatureBase64: z.string(),
  /** The key it used, by shape (name, length, fingerprint), never the value. */
  key: z.string(),
  matches: z.boolean(),
});
export type SignatureVariantResult = z.output<typeof SignatureVariantResult>;

export const VariantsReport = z.object({
  subject: z.string(),
  historyId: z.string().nullable(),
  scheme: z.string(),
  /** The expected value as understood (base64 or hex). */
  expected: z.string(),
  /** The first variant (the request as sent comes first) that gives the expected value; null when none does. */
  matched: z.string().nullable(),
  sentence: z.string(),
  variants: z.array(SignatureVariantResult),
  warnings: z.array(z.string()),
});
export type VariantsReport = z.output<typeof VariantsReport>;

export const diagnosisChannels = {
  /** Compare a sent (or freshly signed) request with what the gateway expected and name the most likely cause. */
  'diagnosis:explain': { input: DiagnosisInput, output: DiagnosisReport },
  /** Compute the signature under every common variant of the scheme and say which one gives the expected value. */
  'diagnosis:variants': { input: DiagnosisInput, output: VariantsReport },
} as const;
