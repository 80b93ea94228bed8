import { createHmac, sign } from 'node:crypto';
import type { OAuth1 } from '../../contract/auth.ts';
import { baseStringUri, queryParams } from '../oauth1-base-string.ts';
import { percentEncode } from '../percent-encode.ts';
import { loadRsaPrivateKey } from '../rsa-key.ts';
import type { FormPair, SigningRequest } from '../types.ts';
import { fromBytes, type AlternativeKey, type ComputedVariant, type VariantCause } from './types.ts';

type Encoder = (text: string) => string;

const lowerHex: Encoder = (text) => percentEncode(text).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const plusForSpace: Encoder = (text) => percentEncode(text).replace(/%20/g, '+');
const twice: Encoder = (text) => percentEncode(percentEncode(text));

function normalized(params: readonly FormPair[], encode: Encoder): string {
  const encoded = params.map((p) => [encode(p.name), encode(p.value)] as const);
  encoded.sort(([an, av], [bn, bv]) => (an !== bn ? (an < bn ? -1 : 1) : av < bv ? -1 : av > bv ? 1 : 0));
  return encoded.map(([n, v]) => `${n}=${v}`).join('&');
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  return parsed.toString();
}

export type OAuth1VariantInput = {
  /** The request the base string covers: the form body without any oauth_* pairs. */
  readonly request: SigningRequest;
  /** Resolved, secrets included: used here, in main, and never returned. */
  readonly config: OAuth1;
  /** The oauth_* parameters as sent (timestamp and nonce as recorded). */
  readonly oauth: readonly FormPair[];
  /** How the key is named in the output, e.g. "elecsnet.control_key (Sandbox, 36 chars, sha256:…)". */
  readonly keyLabel: string;
  /** Other values worth trying as the key (the same secret name in other environments). */
  readonly alternatives?: readonly AlternativeKey[];
};

/**
 * OAuth 1.0a under every common reading: encodings, which parameters are in
 * the base string, the key's shape, the algorithm. The first variant is the
 * request as sent.
 */
export function oauth1SignatureVariants(input: OAuth1VariantInput): ComputedVariant[] {
  const { request, config, oauth, keyLabel } = input;
  const method = request.method.toUpperCase();
  const query = queryParams(request.url);
  const body = request.body.kind === 'form' ? request.body.pairs : [];
  const all = [...query, ...body, ...oauth];
  const uri = baseStringUri(request.url);
  const base = (params: readonly FormPair[], encode: Encoder = percentEncode, uriText = uri): string =>
    `${percentEncode(method)}&${percentEncode(uriText)}&${percentEncode(normalized(params, encode))}`;

  const hmacDigest = config.signatureMethod === 'HMAC-SHA256' ? 'sha256' : 'sha1';
  const isRsa = config.signatureMethod.startsWith('RSA');
  const standardKey = `${percentEncode(config.consumerSecret ?? '')}&${percentEncode(config.tokenSecret ?? '')}`;
  const rsa = isRsa && config.privateKey ? loadRsaPrivateKey(config.privateKey, config.privateKeyPassphrase) : undefined;
  const signWith = (text: string, key: { hmac?: string; pem?: string; digest?: string } = {}): Buffer => {
    if (isRsa) {
      const loaded = key.pem === undefined ? rsa : loadRsaPrivateKey(key.pem, config.privateKeyPassphrase);
      if (loaded === undefined) return Buffer.alloc(0);
      return sign(config.signatureMethod === 'RSA-SHA1' ? 'sha1' : 'sha256', Buffer.from(text), loaded.key);
    }
    return createHmac(key.digest ?? hmacDigest, key.hmac ?? standardKey).update(text).digest();
  };
  const standardShape = isRsa ? `${keyLabel} (${rsa?.shape ?? 'RSA key'})` : `${keyLabel} + '&'`;

  const out: ComputedVariant[] = [];
  const push = (id: string, cause: VariantCause, description: string, text: string, key?: { hmac?: string; pem?: string; digest?: string }, shape = standardShape) => {
    if (out.some((v) => v.id !== 'as-sent' && v.stringToSign === text && key === undefined && v.key === shape)) return;
    out.push({ id, cause, description, stringToSign: text, ...fromBytes(signWith(text, key)), key: shape });
  };

  const sent = base(all);
  push('as-sent', 'as-sent', 'the request as sent (RFC 5849)', sent);

  // Encodings.
  const plus = base(all, plusForSpace);
  if (plus !== sent) push('encoding.plus-for-space', 'encoding', "a space is encoded as '+' instead of %20 in the base string parameters", plus);
  const double = base(all, twice);
  if (double !== sent) push('encoding.double', 'encoding', 'the parameters are percent-encoded twice before the base string is built', double);
  const lower = base(all, lowerHex);
  if (lower !== sent) push('encoding.lower-hex', 'encoding', 'percent-encoding uses lower-case hex (%2f instead of %2F)', lower);
  push('encoding.once', 'encoding', 'the parameters are percent-encoded only once in the base string', `${percentEncode(method)}&${percentEncode(uri)}&${normalized(all, percentEncode)}`);
  for (const form of ['NFC', 'NFD'] as const) {
    const text = base(all.map((p) => ({ name: p.name.normalize(form), value: p.value.normalize(form) })));
    if (text !== sent) push(`encoding.${form.toLowerCase()}`, 'encoding', `the values are Unicode-normalised to ${form} before encoding`, text);
  }

  // Which parameters.
  if (oauth.some((p) => p.name === 'oauth_version')) {
    push('parameters.no-version', 'parameters', 'oauth_version is left out of the base string', base(all.filter((p) => p.name !== 'oauth_version')));
  } else {
    push('parameters.version', 'parameters', 'oauth_version="1.0" is included in the base string', base([...all, { name: 'oauth_version', value: '1.0' }]));
  }
  if (body.length > 0) push('parameters.no-body', 'parameters', 'the form body parameters are left out of the base string', base([...query, ...oauth]));
  if (config.oauthParamsInBody) {
    push('parameters.oauth-twice', 'parameters', 'the oauth_* parameters repeated in the body are counted twice (header and body)', base([...all, ...oauth]));
  }
  if (query.length > 0) {
    push('parameters.no-query', 'parameters', 'the query string parameters are left out of the base string', base([...body, ...oauth], percentEncode, baseStringUri(withoutQuery(request.url))));
    push('parameters.uri-with-query', 'request_differs', 'the base string URI keeps the query string', base(all, percentEncode, `${uri}${new URL(request.url).search}`));
  }

  // The key.
  if (!isRsa && config.signatureMethod !== 'PLAINTEXT') {
    if ((config.tokenSecret ?? '') === '') push('key.no-ampersand', 'key_differs', "the signing key has no '&' after the consumer secret", sent, { hmac: percentEncode(config.consumerSecret ?? '') }, keyLabel);
    if (percentEncode(config.consumerSecret ?? '') !== (config.consumerSecret ?? '')) {
      push('key.unencoded', 'key_differs', 'the secret goes into the key without percent-encoding', sent, { hmac: `${config.consumerSecret ?? ''}&${config.tokenSecret ?? ''}` });
    }
    const other = config.signatureMethod === 'HMAC-SHA1' ? 'HMAC-SHA256' : 'HMAC-SHA1';
    const swapped = all.map((p) => (p.name === 'oauth_signature_method' ? { name: p.name, value: other } : p));
    push('algorithm.other-hmac', 'request_differs', `the gateway signs with ${other}`, base(swapped), { digest: other === 'HMAC-SHA1' ? 'sha1' : 'sha256' });
  }
  for (const [index, alternative] of (input.alternatives ?? []).entries()) {
    const key = isRsa ? { pem: alternative.value } : { hmac: `${percentEncode(alternative.value)}&${percentEncode(config.tokenSecret ?? '')}` };
    try {
      push(`key.alternative-${index + 1}`, 'key_differs', `the key is ${alternative.label}`, sent, key, isRsa ? alternative.label : `${alternative.label} + '&'`);
    } catch {
      // An alternative that is not a usable key (another kind of secret under that name) is simply not a candidate.
    }
  }
  return out;
}
