import type { OAuth1 } from '../contract/auth.ts';
import { unixSeconds } from './defaults.ts';
import { SigningError } from './errors.ts';
import { buildBaseString, type BaseStringParts } from './oauth1-base-string.ts';
import { computeOAuth1Signature } from './oauth1-signature.ts';
import { oauth1Variants } from './oauth1-variants.ts';
import { percentEncode } from './percent-encode.ts';
import { setHeader } from './request-edit.ts';
import { TraceBuilder } from './trace.ts';
import type { ComparableOAuth1, FormPair, SchemeContext, SchemeResult, SigningRequest } from './types.ts';

/** The config fields that hold secrets; the trace redacts their values. */
export function oauth1Secrets(config: OAuth1): string[] {
  return [config.consumerSecret, config.tokenSecret, config.privateKey, config.privateKeyPassphrase].filter(
    (v): v is string => v !== undefined && v !== '',
  );
}

export function oauth1Params(config: OAuth1, ctx: SchemeContext): FormPair[] {
  const params: FormPair[] = [{ name: 'oauth_consumer_key', value: config.consumerKey }];
  if (config.token !== undefined && config.token !== '') params.push({ name: 'oauth_token', value: config.token });
  params.push(
    { name: 'oauth_signature_method', value: config.signatureMethod },
    { name: 'oauth_timestamp', value: config.timestamp ?? String(unixSeconds(ctx.clock)) },
    { name: 'oauth_nonce', value: config.nonce ?? ctx.nonces.nonce() },
  );
  if (config.includeVersion) params.push({ name: 'oauth_version', value: '1.0' });
  return params;
}

/** Section 3.5.1: `OAuth realm="..."`, then each oauth_* parameter encoded and quoted. */
export function authorizationHeader(realm: string | undefined, params: readonly FormPair[]): string {
  const parts = params.map((p) => `${percentEncode(p.name)}="${percentEncode(p.value)}"`);
  if (realm !== undefined) parts.unshift(`realm="${realm.replace(/["\\]/g, '\\$&')}"`);
  return `OAuth ${parts.join(', ')}`;
}

/**
 * With oauthParamsInBody the form body carries the oauth_* parameters too
 * (any stale ones are dropped first) and is written in the sorted order the
 * base string uses, as Elecsnet asks.
 */
function requestForBase(request: SigningRequest, config: OAuth1): SigningRequest {
  if (!config.oauthParamsInBody) return request;
  const { body } = request;
  if (body.kind === 'json' || body.kind === 'raw') {
    throw new SigningError('OAuth parameters can go into the body only when it is form-encoded.');
  }
  const pairs = body.kind === 'form' ? body.pairs.filter((p) => !p.name.startsWith('oauth_')) : [];
  return { ...request, body: { kind: 'form', pairs } };
}

function sortedPairs(pairs: readonly FormPair[]): FormPair[] {
  const keyed = pairs.map((pair) => ({ pair, name: percentEncode(pair.name), value: percentEncode(pair.value) }));
  keyed.sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return keyed.map((k) => k.pair);
}

export type OAuth1Result = SchemeResult & {
  readonly base: BaseStringParts;
  readonly signature: string;
  readonly comparable: ComparableOAuth1;
};

/** OAuth 1.0a (RFC 5849): two-legged or with a token; HMAC-SHA1/256, RSA-SHA1/256, PLAINTEXT. */
export function signOAuth1(request: SigningRequest, config: OAuth1, ctx: SchemeContext): OAuth1Result {
  const trace = new TraceBuilder(`OAuth 1.0a ${config.signatureMethod}`);
  const prepared = requestForBase(request, config);
  const oauth = oauth1Params(config, ctx);
  const base = buildBaseString(prepared.method, prepared.url, prepared.body, oauth);
  const signature = computeOAuth1Signature(config.signatureMethod, base.baseString, config);
  const headerParams = [...oauth, { name: 'oauth_signature', value: signature.value }];
  const header = authorizationHeader(config.realm, headerParams);

  let signed = setHeader(prepared, 'Authorization', header);
  if (config.oauthParamsInBody && prepared.body.kind === 'form') {
    signed = { ...signed, body: { kind: 'form', pairs: sortedPairs([...prepared.body.pairs, ...oauth]) } };
  }

  trace
    .add('Timestamp', oauth.find((p) => p.name === 'oauth_timestamp')?.value ?? '')
    .add('Nonce', oauth.find((p) => p.name === 'oauth_nonce')?.value ?? '')
    .add(
      'Parameters collected',
      base.params.map((p) => `${p.source.padEnd(5)}  ${p.name}=${p.value}`).join('\n'),
      'query string, form body and oauth_* parameters (RFC 5849 3.4.1.3.1), decoded',
    )
    .add('Normalized parameters', base.normalizedParams, 'each name and value percent-encoded, sorted, joined with &')
    .add('Base string URI', base.baseUri)
    .add('Signature base string', base.baseString, 'METHOD & encoded URI & encoded normalized parameters')
    .add('Signing key', signature.keyShape);
  if (config.signatureMethod === 'PLAINTEXT') {
    trace.add('Signature', signature.value, 'PLAINTEXT: the signature is the key itself');
  } else {
    trace.add('Signature (base64)', signature.value).add('Signature (hex)', signature.bytes.toString('hex'));
  }
  trace.add('Authorization header', header);
  if (config.oauthParamsInBody) {
    trace.add('Body fields added', oauth.map((p) => `${p.name}=${p.value}`).join('\n'));
  }
  return {
    request: signed,
    trace: trace.build(oauth1Secrets(config)),
    base,
    signature: signature.value,
    comparable: { kind: 'oauth1', base, signature: signature.value, variants: () => oauth1Variants(prepared, config, oauth) },
  };
}
