/**
 * Signing helpers for the sandbox tests, written with plain node:crypto and
 * deliberately independent of both the app's signer and the sandbox's verifier.
 */
import { createHmac, createSign } from 'node:crypto';

export const hmacSha256Hex = (key: string, message: string): string => createHmac('sha256', key).update(message).digest('hex');

/** RFC 3986 percent-encoding as OAuth 1.0a wants it. */
export function oauthEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

export type OAuthSigned = { authorization: string; body: string; baseString: string };

/**
 * Builds a two-legged OAuth 1.0a request the Elecsnet way: OAuth parameters in
 * the body and the header, signature only in the header.
 */
export function signElecsnetRequest(input: {
  url: string;
  params: Record<string, string>;
  consumerKey: string;
  method: 'HMAC-SHA1' | 'RSA-SHA256';
  controlKey?: string;
  privateKeyPem?: string;
  timestamp: string;
  nonce: string;
}): OAuthSigned {
  const oauth: Record<string, string> = {
    oauth_consumer_key: input.consumerKey,
    oauth_nonce: input.nonce,
    oauth_signature_method: input.method,
    oauth_timestamp: input.timestamp,
    oauth_version: '1.0',
  };
  const all = { ...input.params, ...oauth };
  // Names are unique here, so sorting by encoded name is the whole rule.
  const normalized = Object.entries(all)
    .map(([name, value]) => [oauthEncode(name), oauthEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const baseString = `POST&${oauthEncode(input.url)}&${oauthEncode(normalized)}`;
  const signature =
    input.method === 'HMAC-SHA1'
      ? createHmac('sha1', `${input.controlKey ?? ''}&`).update(baseString).digest('base64')
      : createSign('sha256').update(baseString).sign(input.privateKeyPem ?? '', 'base64');
  const header = Object.entries({ ...oauth, oauth_signature: signature })
    .map(([name, value]) => `${name}="${oauthEncode(value)}"`)
    .join(', ');
  return { authorization: `OAuth realm="", ${header}`, body: normalized, baseString };
}

/** Parses the Elecsnet "name=value" line responses. */
export function parseLines(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) result[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return result;
}
