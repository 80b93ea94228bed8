import { createHmac } from 'node:crypto';
import type { OAuth1 } from '../contract/auth.ts';
import { buildBaseString, normalizeParams, queryParams } from './oauth1-base-string.ts';
import { computeOAuth1Signature } from './oauth1-signature.ts';
import { percentEncode } from './percent-encode.ts';
import type { FormPair, SigningRequest } from './types.ts';

/** A signature computed with one common implementation mistake, for compare mode. */
export type SignatureVariant = { readonly description: string; readonly signature: string };

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}

/**
 * When a user pastes only the gateway's signature, we can still say what the
 * other side probably did: sign again with each usual deviation and see
 * which one produces the expected value.
 */
export function oauth1Variants(request: SigningRequest, config: OAuth1, oauth: readonly FormPair[]): SignatureVariant[] {
  const out: SignatureVariant[] = [];
  const signWith = (description: string, baseString: string, method = config.signatureMethod): void => {
    out.push({ description, signature: computeOAuth1Signature(method, baseString, config).value });
  };
  const base = (url: string, body: SigningRequest['body'], params: readonly FormPair[]): string =>
    buildBaseString(request.method, url, body, params).baseString;

  const version = oauth.some((p) => p.name === 'oauth_version');
  if (version) signWith('oauth_version is left out of the base string', base(request.url, request.body, oauth.filter((p) => p.name !== 'oauth_version')));
  else signWith('oauth_version="1.0" is included in the base string', base(request.url, request.body, [...oauth, { name: 'oauth_version', value: '1.0' }]));

  if (request.body.kind === 'form' && request.body.pairs.length > 0) {
    signWith('the form body parameters are left out of the base string', base(request.url, { kind: 'none' }, oauth));
  }
  const full = buildBaseString(request.method, request.url, request.body, oauth);
  if (queryParams(request.url).length > 0) {
    signWith('the query string parameters are left out of the base string', base(withoutQuery(request.url), request.body, oauth));
    const uriWithQuery = `${full.baseUri}${new URL(request.url).search}`;
    signWith(
      'the base string URI keeps the query string',
      `${percentEncode(full.method)}&${percentEncode(uriWithQuery)}&${percentEncode(full.normalizedParams)}`,
    );
  }
  signWith(
    'the parameters are percent-encoded only once in the base string',
    `${percentEncode(full.method)}&${percentEncode(full.baseUri)}&${normalizeParams(full.params)}`,
  );

  if (config.signatureMethod === 'HMAC-SHA1' || config.signatureMethod === 'HMAC-SHA256') {
    const digest = config.signatureMethod === 'HMAC-SHA1' ? 'sha1' : 'sha256';
    const consumer = config.consumerSecret ?? '';
    const token = config.tokenSecret ?? '';
    const hmac = (key: string): string => createHmac(digest, key).update(full.baseString).digest('base64');
    if (token === '') out.push({ description: "the signing key has no '&' after the consumer secret", signature: hmac(percentEncode(consumer)) });
    if (percentEncode(consumer) !== consumer || percentEncode(token) !== token) {
      out.push({ description: 'the secrets go into the key without percent-encoding', signature: hmac(`${consumer}&${token}`) });
    }
    const other = config.signatureMethod === 'HMAC-SHA1' ? 'HMAC-SHA256' : 'HMAC-SHA1';
    const swapped = oauth.map((p) => (p.name === 'oauth_signature_method' ? { name: p.name, value: other } : p));
    signWith(`the gateway signs with ${other}`, base(request.url, request.body, swapped), other);
  }
  return out;
}
