import { OAuth1 } from '../../contract/auth.ts';
import { unixSeconds } from '../defaults.ts';
import { SigningError } from '../errors.ts';
import { buildEncodedBaseString, type BaseStringParts } from '../oauth1-base-string.ts';
import { computeOAuth1Signature } from '../oauth1-signature.ts';
import { oauth1Variants } from '../oauth1-variants.ts';
import { percentEncode } from '../percent-encode.ts';
import { setHeader } from '../request-edit.ts';
import { redactTrace, TraceBuilder } from '../trace.ts';
import type { ComparableOAuth1, FormPair, SchemeContext, SchemeResult, SigningRequest, SourcedParam } from '../types.ts';
import type { SchemeModule } from './define.ts';

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
  return headerOf(realm, params.map((p) => `${percentEncode(p.name)}="${percentEncode(p.value)}"`));
}

function headerOf(realm: string | undefined, parts: string[]): string {
  return `OAuth ${realmPart(realm)}${parts.join(', ')}`;
}

/** `realm="..." ` and the separator, or nothing when there is no realm. */
function realmPart(realm: string | undefined): string {
  if (realm === undefined) return '';
  return `realm="${realm === '' ? '' : realm.replace(/["\\]/g, '\\$&')}", `;
}

/**
 * With oauthParamsInBody the form body carries the oauth_* parameters too
 * (any stale ones are dropped first) and is written in the sorted order the
 * base string uses, as Elecsnet asks.
 */
function requestForBase(request: SigningRequest, config: OAuth1): SigningRequest {
  if (!config.oauthParamsInBody) return request;
  const { body } = request;
  if (body.kind !== 'form' && body.kind !== 'none') {
    throw new SigningError('OAuth parameters can go into the body only when it is form-encoded.');
  }
  const pairs = body.kind === 'form' ? body.pairs.filter((p) => !p.name.startsWith('oauth_')) : [];
  return { ...request, body: { kind: 'form', pairs } };
}

export type OAuth1Result = SchemeResult & {
  readonly base: BaseStringParts;
  readonly signature: string;
  readonly comparable: ComparableOAuth1;
};

/** Each source padded to five characters, as the trace lines them up. */
const SOURCE_COLUMN: Readonly<Record<SourcedParam['source'], string>> = { query: 'query', body: 'body ', oauth: 'oauth' };

/** The trace's list of parameters, one "source  name=value" per line (a loop: this runs on every send). */
function collected(params: readonly SourcedParam[]): string {
  let out = '';
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as SourcedParam;
    out += `${i === 0 ? '' : '\n'}${SOURCE_COLUMN[p.source]}  ${p.name}=${p.value}`;
  }
  return out;
}

const valueOf = (params: readonly FormPair[], name: string): string => params.find((p) => p.name === name)?.value ?? '';

/**
 * OAuth 1.0a (RFC 5849): two-legged or with a token; HMAC-SHA1/256,
 * RSA-SHA1/256, PLAINTEXT. Each parameter is encoded once and sorted once;
 * the base string, the header and Elecsnet's sorted body reuse that. The
 * trace is unredacted (see SchemeModule); signOAuth1 redacts it.
 */
function applyOAuth1(request: SigningRequest, config: OAuth1, ctx: SchemeContext, knownSecrets?: () => readonly string[]): OAuth1Result {
  const prepared = requestForBase(request, config);
  const oauth = oauth1Params(config, ctx);
  const { sorted, oauth: encodedOAuth, method, baseUri, params, normalizedParams, baseString } = buildEncodedBaseString(
    prepared.method,
    prepared.url,
    prepared.body,
    oauth,
    knownSecrets !== undefined && holdsNone(prepared.url, knownSecrets()),
  );
  const base: BaseStringParts = { method, baseUri, params, normalizedParams, baseString };
  const signature = computeOAuth1Signature(config.signatureMethod, baseString, config);

  // The header lists the oauth_* parameters in the order they were made, then the signature.
  let headerParams = '';
  for (const p of encodedOAuth) headerParams += `${p.encodedName}="${p.encodedValue}", `;
  const header = `OAuth ${realmPart(config.realm)}${headerParams}oauth_signature="${percentEncode(signature.value)}"`;

  let signed = setHeader(prepared, 'Authorization', header);
  if (config.oauthParamsInBody && prepared.body.kind === 'form') {
    const pairs: FormPair[] = [];
    for (const p of sorted) if (p.source !== 'query') pairs.push({ name: p.name, value: p.value });
    signed = { ...signed, body: { kind: 'form', pairs } };
  }

  const trace = new TraceBuilder(`OAuth 1.0a ${config.signatureMethod}`)
    .add('Timestamp', valueOf(oauth, 'oauth_timestamp'))
    .add('Nonce', valueOf(oauth, 'oauth_nonce'))
    .add('Parameters collected', collected(params), 'query string, form body and oauth_* parameters (RFC 5849 3.4.1.3.1), decoded')
    .add('Normalized parameters', normalizedParams, 'each name and value percent-encoded, sorted, joined with &')
    .add('Base string URI', baseUri)
    .add('Signature base string', baseString, 'METHOD & encoded URI & encoded normalized parameters')
    .add('Signing key', signature.keyShape);
  if (config.signatureMethod === 'PLAINTEXT') {
    trace.add('Signature', signature.value, 'PLAINTEXT: the signature is the key itself');
  } else {
    trace.add('Signature (base64)', signature.value).add('Signature (hex)', signature.hex);
  }
  trace.add('Authorization header', header);
  if (config.oauthParamsInBody) {
    let added = '';
    for (const p of oauth) added += `${added === '' ? '' : '\n'}${p.name}=${p.value}`;
    trace.add('Body fields added', added);
  }
  return {
    request: signed,
    trace: trace.unredacted(),
    base,
    signature: signature.value,
    comparable: { kind: 'oauth1', base, signature: signature.value, variants: () => oauth1Variants(prepared, config, oauth) },
  };
}

/** Whether the text holds none of the secret values, as typed or percent-encoded. */
function holdsNone(text: string, secrets: readonly string[]): boolean {
  for (const secret of secrets) if (text.includes(secret) || text.includes(percentEncode(secret))) return false;
  return true;
}

/** OAuth 1.0a on its own (debugger, sandbox, tests), trace redacted. */
export function signOAuth1(request: SigningRequest, config: OAuth1, ctx: SchemeContext): OAuth1Result {
  const result = applyOAuth1(request, config, ctx);
  return { ...result, trace: redactTrace(result.trace, oauth1Secrets(config)) };
}

const RSA = new Set(['RSA-SHA1', 'RSA-SHA256']);

export const oauth1: SchemeModule<'oauth1'> = {
  type: 'oauth1',
  schema: OAuth1,
  label: 'OAuth 1.0a',
  help: 'RFC 5849 signatures: HMAC-SHA1/SHA256 with the consumer (and token) secret, RSA with a private key, or PLAINTEXT.',
  initial: { type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: '', includeVersion: true, oauthParamsInBody: false },
  fields: {
    signatureMethod: { label: 'Signature method' },
    consumerKey: { label: 'Consumer key' },
    consumerSecret: { label: 'Consumer secret', secret: 'text', help: 'HMAC and PLAINTEXT only.' },
    token: { label: 'Token' },
    tokenSecret: { label: 'Token secret', secret: 'text' },
    privateKey: { label: 'Private key (RSA)', secret: 'rsa_private_key', help: 'RSA only: PKCS#1 or PKCS#8 PEM, encrypted or not.' },
    privateKeyPassphrase: { label: 'Private key passphrase', secret: 'passphrase' },
    realm: { label: 'Realm', keepEmpty: true, help: 'An empty realm is sent as realm="" (Elecsnet).' },
    includeVersion: { label: 'Send oauth_version' },
    oauthParamsInBody: { label: 'Repeat oauth_* in the form body' },
  },
  use: (step) => {
    const sign = `compute the ${step.signatureMethod} signature`;
    return {
      label: `OAuth 1.0a (${step.signatureMethod})`,
      fields: {
        consumerKey: 'send oauth_consumer_key',
        token: 'send oauth_token',
        realm: 'send the realm',
        nonce: 'send oauth_nonce',
        timestamp: 'send oauth_timestamp',
        ...(RSA.has(step.signatureMethod) ? { privateKey: sign, privateKeyPassphrase: 'open the private key' } : { consumerSecret: sign, tokenSecret: sign }),
      },
    };
  },
  secrets: oauth1Secrets,
  // A send knows its secrets, so a URL holding none of them may have its parse kept for the next send.
  apply: (request, step, ctx) => applyOAuth1(request, step, ctx, ctx.knownSecrets),
};
