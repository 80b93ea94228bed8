import { z } from 'zod';

/**
 * Auth configurations for every built-in scheme, and the signing trace.
 *
 * String fields may hold templates: `{{name}}` (environment variable),
 * `{{secret:name}}` (vault, resolved in main only) and the dynamic
 * `{{$uuid}}`, `{{$timestamp}}`, `{{$isoTimestamp}}`, `{{$nonce}}`,
 * `{{$randomInt}}`. A request's auth is a chain: schemes apply in order
 * (e.g. an OAuth 2.0 token, then PayNet's signature headers).
 */

/** The values a template can ask for that are made at send time. */
export const DYNAMIC_VARIABLES = ['$uuid', '$timestamp', '$isoTimestamp', '$nonce', '$randomInt'] as const;
export type DynamicVariable = (typeof DYNAMIC_VARIABLES)[number];

const text = z.string().max(100_000);
const name = z.string().min(1).max(200);
const HeaderPair = z.object({ name, value: text });

export const OAuth2ClientCredentials = z.strictObject({
  type: z.literal('oauth2-client-credentials'),
  tokenUrl: text,
  clientId: text,
  clientSecret: text,
  /** PayNet sends the client credentials in the form body; many servers want Basic. */
  clientAuth: z.enum(['body', 'basic']).default('body'),
  scope: text.optional(),
  extraHeaders: z.array(HeaderPair).max(50).optional(),
  /** Seconds before `expires_in` runs out at which a cached token is no longer used. */
  expiryMarginSeconds: z.number().int().min(0).max(3600).optional(),
});
export type OAuth2ClientCredentials = z.output<typeof OAuth2ClientCredentials>;

export const PaynetSignature = z.strictObject({
  type: z.literal('paynet-signature'),
  clientSecret: text,
});
export type PaynetSignature = z.output<typeof PaynetSignature>;

export const HmacPart = z.discriminatedUnion('kind', [
  /** A top-level field of the JSON body; absent or null counts as an empty string. */
  z.strictObject({ kind: z.literal('field'), name }),
  z.strictObject({ kind: z.literal('literal'), value: text }),
  /** Any template, e.g. `{{merchantId}}`. */
  z.strictObject({ kind: z.literal('variable'), template: text }),
]);
export type HmacPart = z.output<typeof HmacPart>;

export const HmacFields = z.strictObject({
  type: z.literal('hmac-fields'),
  key: text,
  algorithm: z.enum(['sha256', 'sha1', 'sha512']).default('sha256'),
  encoding: z.enum(['hex', 'base64']).default('hex'),
  parts: z.array(HmacPart).max(200),
  output: z.discriminatedUnion('in', [
    z.strictObject({ in: z.literal('body'), field: name }),
    z.strictObject({ in: z.literal('header'), name }),
  ]),
  /** A body field set to the Unix time in seconds when it is absent or empty (CENTAGATE: unixTimestamp). */
  timestampField: name.optional(),
});
export type HmacFields = z.output<typeof HmacFields>;

export const OAuth1SignatureMethod = z.enum(['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'RSA-SHA256', 'PLAINTEXT']);
export type OAuth1SignatureMethod = z.output<typeof OAuth1SignatureMethod>;

export const OAuth1 = z.strictObject({
  type: z.literal('oauth1'),
  signatureMethod: OAuth1SignatureMethod,
  consumerKey: text,
  /** HMAC and PLAINTEXT only (Elecsnet: the merchant control key). */
  consumerSecret: text.optional(),
  token: text.optional(),
  tokenSecret: text.optional(),
  /** RSA only: PKCS#1 or PKCS#8 PEM, encrypted or not. */
  privateKey: text.optional(),
  privateKeyPassphrase: text.optional(),
  /** Absent: no realm. Empty string: `realm=""` (Elecsnet). */
  realm: z.string().max(1000).optional(),
  /** `oauth_version="1.0"` is sent unless this is false. */
  includeVersion: z.boolean().default(true),
  /** Also put the oauth_* parameters in the form body (Elecsnet wants this). */
  oauthParamsInBody: z.boolean().default(false),
  /** Fixed values to reproduce a past request in the debugger; normally generated. */
  nonce: text.optional(),
  timestamp: text.optional(),
});
export type OAuth1 = z.output<typeof OAuth1>;

export const MomoAuth = z.strictObject({
  type: z.literal('momo'),
  subscriptionKey: text,
  apiUser: text,
  apiKey: text,
  targetEnvironment: text.optional(),
  /** Where tokens come from; relative paths resolve against `baseUrl`, else the request's origin. */
  tokenPath: text.default('/collection/token/'),
  baseUrl: text.optional(),
  /** Sandbox provisioning calls use only the subscription key and a reference id. */
  useToken: z.boolean().default(true),
  /** Add a fresh UUID v4 `X-Reference-Id`. */
  referenceId: z.boolean().default(false),
  expiryMarginSeconds: z.number().int().min(0).max(3600).optional(),
});
export type MomoAuth = z.output<typeof MomoAuth>;

export const ApiKeyAuth = z.strictObject({
  type: z.literal('api-key'),
  in: z.enum(['header', 'query']),
  name,
  value: text,
});
export type ApiKeyAuth = z.output<typeof ApiKeyAuth>;

export const BasicAuth = z.strictObject({ type: z.literal('basic'), username: text, password: text });
export type BasicAuth = z.output<typeof BasicAuth>;

export const BearerAuth = z.strictObject({ type: z.literal('bearer'), token: text });
export type BearerAuth = z.output<typeof BearerAuth>;

export const AuthStep = z.discriminatedUnion('type', [
  OAuth2ClientCredentials,
  PaynetSignature,
  HmacFields,
  OAuth1,
  MomoAuth,
  ApiKeyAuth,
  BasicAuth,
  BearerAuth,
]);
export type AuthStep = z.output<typeof AuthStep>;
export type AuthStepInput = z.input<typeof AuthStep>;
export type AuthType = AuthStep['type'];

export const AuthChain = z.array(AuthStep).max(10);
export type AuthChain = z.output<typeof AuthChain>;

/** One labelled intermediate of a signature, already redacted. */
export const TraceStep = z.object({
  label: z.string(),
  value: z.string(),
  note: z.string().optional(),
});
export type TraceStep = z.output<typeof TraceStep>;

export const SchemeTrace = z.object({
  scheme: z.string(),
  steps: z.array(TraceStep),
});
export type SchemeTrace = z.output<typeof SchemeTrace>;

/** What the user pastes in compare mode (e.g. from Elecsnet's debug form). */
export const CompareExpected = z.strictObject({
  signature: z.string().max(10_000).optional(),
  baseString: z.string().max(1_000_000).optional(),
});
export type CompareExpected = z.output<typeof CompareExpected>;

export const Difference = z.object({
  component: z.string(),
  expected: z.string(),
  actual: z.string(),
  hint: z.string().optional(),
});
export type Difference = z.output<typeof Difference>;

export const CompareReport = z.object({
  matches: z.boolean(),
  differences: z.array(Difference),
  summary: z.string(),
});
export type CompareReport = z.output<typeof CompareReport>;
