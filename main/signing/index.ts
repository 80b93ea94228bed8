/**
 * The signing engine's public surface: what the HTTP service, the signature
 * debugger and the CLI use. Everything here is pure Node with clock,
 * randomness, secrets and the token fetch injected.
 */
export { signRequest, sendWithTokenRetry } from './sign-request.ts';
export type { SignInput, SignedRequest, SigningDeps, SigningEnvironment } from './sign-request.ts';
export { TokenCache, DEFAULT_EXPIRY_MARGIN_SECONDS } from './token-cache.ts';
export type { CachedToken, IssuedToken, TokenKey } from './token-cache.ts';
export type { TokenFetcher, TokenHttpResponse } from './token-endpoint.ts';
export { VariableResolver } from './variables.ts';
export { redact, Redactor, REDACTED } from './redact.ts';
export { redactTrace } from './trace.ts';
export { SigningError, UnknownVariableError } from './errors.ts';
export { systemClock, cryptoNonces } from './defaults.ts';
export { centagatePreset, centagateOrderOf, CENTAGATE_CODE_SAMPLE_ORDER, CENTAGATE_PARAMETER_TABLE_ORDER } from './schemes/hmac-fields.ts';
export type { CentagateOrder } from './schemes/hmac-fields.ts';
export { compareOAuth1, compareSignedString, compareStringToSign, normalizeSignature } from './compare.ts';
export { signOAuth1 } from './schemes/oauth1.ts';
export { clearRsaKeyCache } from './rsa-key.ts';
export { signPaynet } from './schemes/paynet-signature.ts';
export { signHmacFields } from './schemes/hmac-fields.ts';
export type { Clock, NonceSource, SecretSource, SigningRequest, RequestBody, HeaderPair, FormPair } from './types.ts';
