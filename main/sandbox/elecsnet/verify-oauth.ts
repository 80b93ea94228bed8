/**
 * Two-legged OAuth 1.0a verification for the Elecsnet emulation: HMAC-SHA1
 * (key = control key + "&") or RSA-SHA256 (the merchant's registered public
 * key), OAuth parameters in the Authorization header and repeated in the body.
 */
import { createHmac, verify as verifySignature } from 'node:crypto';
import { sameText } from '../compare.ts';
import { checkUnixTimestamp } from '../timestamp.ts';
import { parseOAuthHeader } from './authorization-header.ts';
import { baseStringUri, normalizeParameters, rfc3986Encode, signatureBaseString, type ParameterEncoding } from './base-string.ts';
import type { Param } from './form-params.ts';
import type { MerchantKeys } from './merchant-keys.ts';
import type { NonceGuard } from './nonces.ts';

export type OAuthRequest = {
  authorization: string | undefined;
  host: string;
  /** How the request arrived; http when absent. */
  scheme?: 'http' | 'https';
  path: string;
  query: readonly Param[];
  body: readonly Param[];
};

export type OAuthDebug = { normalizedParameters: string; signatureBaseString: string; signatureMethod: string; key: string };

export type OAuthVerdict =
  | { ok: true; consumerKey: string; signatureMethod: string }
  | { ok: false; reason: string; debug?: OAuthDebug };

export type OAuthVerifierContext = {
  merchant: { login: string; controlKey: string };
  keys: MerchantKeys;
  nonces: NonceGuard;
  nowMs: number;
  toleranceSeconds: number;
  /** TEST ONLY (sandbox faults): another parameter encoding than RFC 3986. */
  encoding?: ParameterEncoding;
};

const REPEATED_IN_BODY = ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature_method', 'oauth_timestamp', 'oauth_version'];
const METHODS = ['HMAC-SHA1', 'RSA-SHA256'];

function bodyValues(body: readonly Param[], name: string): string[] {
  return body.filter(([key]) => key === name).map(([, value]) => value);
}

export function verifyOAuthRequest(request: OAuthRequest, context: OAuthVerifierContext): OAuthVerdict {
  const parsed = parseOAuthHeader(request.authorization);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const oauth = parsed.params;

  for (const name of ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature_method', 'oauth_timestamp', 'oauth_signature']) {
    if (!oauth.get(name)) return { ok: false, reason: `the Authorization header lacks ${name}` };
  }
  const version = oauth.get('oauth_version');
  if (version !== undefined && version !== '1.0') return { ok: false, reason: `oauth_version must be "1.0", not "${version}"` };

  for (const name of REPEATED_IN_BODY) {
    const inHeader = oauth.get(name);
    if (inHeader === undefined) continue;
    const inBody = bodyValues(request.body, name);
    if (inBody.length !== 1) {
      return { ok: false, reason: `the form body must repeat ${name} exactly once (found ${inBody.length}); Elecsnet wants the OAuth parameters in both places` };
    }
    if (inBody[0] !== inHeader) return { ok: false, reason: `${name} differs between the Authorization header ("${inHeader}") and the body ("${inBody[0] ?? ''}")` };
  }

  const method = oauth.get('oauth_signature_method') ?? '';
  if (!METHODS.includes(method)) return { ok: false, reason: `oauth_signature_method "${method}" is not accepted; use ${METHODS.join(' or ')}` };
  const consumerKey = oauth.get('oauth_consumer_key') ?? '';
  if (consumerKey !== context.merchant.login) return { ok: false, reason: `oauth_consumer_key "${consumerKey}" is not a sandbox merchant login` };

  const timestamp = oauth.get('oauth_timestamp') ?? '';
  const freshness = checkUnixTimestamp(timestamp, context.nowMs, context.toleranceSeconds);
  if (!freshness.ok) return { ok: false, reason: `oauth_timestamp: ${freshness.reason}` };

  // Each parameter once: body and query as sent, plus header-only OAuth parameters.
  const bodyNames = new Set(request.body.map(([name]) => name));
  const signed: Param[] = [...request.query, ...request.body.filter(([name]) => name !== 'oauth_signature')];
  for (const [name, value] of oauth) {
    if (name === 'realm' || name === 'oauth_signature' || bodyNames.has(name)) continue;
    signed.push([name, value]);
  }
  const normalizedParameters = normalizeParameters(signed, context.encoding);
  const baseString = signatureBaseString('POST', baseStringUri(request.scheme ?? 'http', request.host, request.path), normalizedParameters);
  const received = oauth.get('oauth_signature') ?? '';

  let valid: boolean;
  let keyDescription: string;
  if (method === 'HMAC-SHA1') {
    keyDescription = 'consumer secret (merchant control key) + "&"';
    const expected = createHmac('sha1', `${rfc3986Encode(context.merchant.controlKey)}&`).update(baseString, 'utf8').digest('base64');
    valid = sameText(received, expected);
  } else {
    const registered = context.keys.get(consumerKey);
    if (!registered) return { ok: false, reason: `no RSA public key is registered for merchant "${consumerKey}"` };
    keyDescription = `registered RSA public key, SHA-256 fingerprint ${registered.fingerprintSha256}`;
    valid = verifySignature('sha256', Buffer.from(baseString, 'utf8'), registered.key, Buffer.from(received, 'base64'));
  }
  if (!valid) {
    return {
      ok: false,
      reason: `the ${method} oauth_signature does not verify over the base string the sandbox built`,
      debug: { normalizedParameters, signatureBaseString: baseString, signatureMethod: method, key: keyDescription },
    };
  }
  if (context.nonces.seenBefore(consumerKey, timestamp, oauth.get('oauth_nonce') ?? '')) {
    return { ok: false, reason: 'this oauth_nonce was already used with this timestamp (replay)' };
  }
  return { ok: true, consumerKey, signatureMethod: method };
}
