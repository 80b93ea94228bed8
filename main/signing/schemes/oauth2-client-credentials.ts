import { OAuth2ClientCredentials } from '../../contract/auth.ts';
import { SigningError } from '../errors.ts';
import { setHeader } from '../request-edit.ts';
import { DEFAULT_EXPIRY_MARGIN_SECONDS, type CachedToken, type TokenKey } from '../token-cache.ts';
import { fetchToken } from '../token-endpoint.ts';
import { keyShape, TraceBuilder } from '../trace.ts';
import type { FormPair, HeaderPair, SchemeContext, SchemeResult, SigningRequest } from '../types.ts';
import { checkUrl } from '../url.ts';
import { basicCredentials } from './basic.ts';
import type { SchemeModule, StepUse } from './define.ts';

export function oauth2Secrets(config: OAuth2ClientCredentials): string[] {
  // The Basic value exists only when the credentials are sent that way; in the form body they are the secret itself.
  const basic = config.clientSecret === '' || config.clientAuth !== 'basic' ? '' : basicCredentials(config.clientId, config.clientSecret);
  return [config.clientSecret, basic].filter((s) => s !== '');
}

/**
 * The token URL is taken as written, so it must be a full URL: a relative one
 * has no base to join (the API's base URL may carry a path the token URL does
 * not share); write it as `{{baseUrl}}/token` or in full.
 */
export function oauth2TokenUrl(config: OAuth2ClientCredentials): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(config.tokenUrl) && config.tokenUrl.trim() !== '') {
    throw new SigningError(
      `The OAuth 2.0 token URL ${JSON.stringify(config.tokenUrl)} is not a full URL: write it in full (https://host/path/token) or as {{baseUrl}}/token.`,
    );
  }
  checkUrl(config.tokenUrl, 'The OAuth 2.0 token URL');
  return config.tokenUrl;
}

/** The client-credentials token request (RFC 6749 section 4.4), client auth in the body or as Basic. */
export function clientCredentialsRequest(config: OAuth2ClientCredentials): SigningRequest {
  const pairs: FormPair[] = [{ name: 'grant_type', value: 'client_credentials' }];
  const headers: HeaderPair[] = [
    { name: 'Accept', value: 'application/json' },
    { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
  ];
  if (config.clientAuth === 'basic') {
    headers.push({ name: 'Authorization', value: `Basic ${basicCredentials(config.clientId, config.clientSecret)}` });
  } else {
    pairs.push({ name: 'client_id', value: config.clientId }, { name: 'client_secret', value: config.clientSecret });
  }
  if (config.scope !== undefined && config.scope !== '') pairs.push({ name: 'scope', value: config.scope });
  let request: SigningRequest = { method: 'POST', url: oauth2TokenUrl(config), headers, body: { kind: 'form', pairs } };
  for (const extra of config.extraHeaders ?? []) request = setHeader(request, extra.name, extra.value);
  return request;
}

export function describeToken(token: CachedToken, fromCache: boolean, ctx: SchemeContext): string {
  const left = token.useUntil === undefined ? 'no expiry given' : `usable for ${Math.max(0, Math.round((token.useUntil - ctx.clock.now()) / 1000))} s more`;
  return `${fromCache ? 'from the in-memory cache' : 'fetched now'}; ${keyShape(`${token.tokenType} token`, token.accessToken)}; ${left}`;
}

/** Puts an already obtained token on the request as `Authorization: Bearer`. The trace is unredacted (see SchemeModule). */
export function applyOAuth2Token(
  request: SigningRequest,
  config: OAuth2ClientCredentials,
  token: CachedToken,
  fromCache: boolean,
  ctx: SchemeContext,
): SchemeResult {
  const trace = new TraceBuilder('OAuth 2.0 client credentials')
    .add('Token URL', config.tokenUrl)
    .add('Client', `${config.clientId}; ${keyShape('client secret', config.clientSecret)} sent ${config.clientAuth === 'basic' ? 'as Basic' : 'in the form body'}`)
    .add('Token', describeToken(token, fromCache, ctx))
    .add('Header set', `Authorization: Bearer ${token.accessToken}`);
  return { request: setHeader(request, 'Authorization', `Bearer ${token.accessToken}`), trace: trace.unredacted() };
}

const TOKEN = 'request an access token';
/** The same for every step: built once, not per send. */
const OAUTH2_USE: StepUse = {
  label: 'OAuth 2.0 client credentials',
  fields: { tokenUrl: 'know where to request an access token', clientId: TOKEN, clientSecret: TOKEN, scope: TOKEN, extraHeaders: TOKEN },
};

export const oauth2ClientCredentials: SchemeModule<'oauth2-client-credentials'> = {
  type: 'oauth2-client-credentials',
  schema: OAuth2ClientCredentials,
  label: 'OAuth 2.0 client credentials',
  help: 'Fetches a token from the token URL (cached until shortly before it expires) and sends it as Authorization: Bearer.',
  initial: { type: 'oauth2-client-credentials', tokenUrl: '', clientId: '', clientSecret: '', clientAuth: 'body' },
  fields: {
    tokenUrl: { label: 'Token URL', help: 'A full URL, e.g. {{baseUrl}}/oauth/token.' },
    clientId: { label: 'Client ID' },
    clientSecret: { label: 'Client secret', secret: 'text' },
    clientAuth: { label: 'Send client credentials in' },
    scope: { label: 'Scope' },
  },
  use: () => OAUTH2_USE,
  secrets: oauth2Secrets,
  apply(request, step, ctx) {
    const key: TokenKey = { environment: ctx.environment, tokenUrl: step.tokenUrl, clientId: step.clientId };
    // A cached token is applied at once: most sends have one, and need not wait a turn for it.
    const cached = ctx.tokens.cached?.(key);
    if (cached !== undefined) {
      ctx.carriesToken(key, cached.accessToken);
      return applyOAuth2Token(request, step, cached, true, ctx);
    }
    return ctx.tokens
      .get(key, () => fetchToken(ctx.fetchToken, clientCredentialsRequest(step), ctx.knownSecrets()), step.expiryMarginSeconds ?? DEFAULT_EXPIRY_MARGIN_SECONDS)
      .then((got) => {
        ctx.carriesToken(key, got.token.accessToken);
        return applyOAuth2Token(request, step, got.token, got.fromCache, ctx);
      });
  },
};
