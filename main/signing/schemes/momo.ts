import { MomoAuth } from '../../contract/auth.ts';
import { setHeader } from '../request-edit.ts';
import { DEFAULT_EXPIRY_MARGIN_SECONDS, type CachedToken, type TokenKey } from '../token-cache.ts';
import { fetchToken } from '../token-endpoint.ts';
import { keyShape, TraceBuilder } from '../trace.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from '../types.ts';
import { checkUrl, joinUrl } from '../url.ts';
import { basicCredentials } from './basic.ts';
import type { SchemeModule } from './define.ts';
import { describeToken } from './oauth2-client-credentials.ts';

export function momoSecrets(config: MomoAuth): string[] {
  // A step without a token leaves API user and key unresolved (blank): no Basic value to hide then.
  const basic = config.apiKey === '' ? '' : basicCredentials(config.apiUser, config.apiKey);
  return [config.subscriptionKey, config.apiKey, basic].filter((s) => s !== '');
}

/**
 * The token path joins the configured base URL keeping its path (a gateway
 * mounted under /momo keeps /momo), else the request's own origin.
 */
export function momoTokenUrl(config: MomoAuth, requestUrl: string): string {
  if (config.baseUrl !== undefined && config.baseUrl !== '') return joinUrl(config.baseUrl, config.tokenPath, 'The MoMo base URL');
  return joinUrl(checkUrl(requestUrl, 'The request URL').origin, config.tokenPath);
}

/** MTN MoMo's token call: Basic base64(apiUser:apiKey) plus the subscription key. */
export function momoTokenRequest(config: MomoAuth, requestUrl: string): SigningRequest {
  return {
    method: 'POST',
    url: momoTokenUrl(config, requestUrl),
    headers: [
      { name: 'Accept', value: 'application/json' },
      { name: 'Authorization', value: `Basic ${basicCredentials(config.apiUser, config.apiKey)}` },
      { name: 'Ocp-Apim-Subscription-Key', value: config.subscriptionKey },
    ],
    body: { kind: 'none' },
  };
}

const MOMO_HEADERS = new Set(['ocp-apim-subscription-key', 'authorization', 'x-target-environment', 'x-reference-id']);

/** Subscription key, optional bearer token, target environment and a fresh X-Reference-Id. The trace is unredacted (see SchemeModule). */
export function applyMomoToken(
  request: SigningRequest,
  config: MomoAuth,
  token: { token: CachedToken; fromCache: boolean } | undefined,
  ctx: SchemeContext,
): SchemeResult {
  const trace = new TraceBuilder('MTN MoMo').add('Subscription key', keyShape('Ocp-Apim-Subscription-Key', config.subscriptionKey));
  let signed = setHeader(request, 'Ocp-Apim-Subscription-Key', config.subscriptionKey);
  if (token !== undefined) {
    trace
      .add('Token URL', momoTokenUrl(config, request.url))
      .add('Token credentials', `Basic base64(${config.apiUser}:${keyShape('API key', config.apiKey)})`)
      .add('Token', describeToken(token.token, token.fromCache, ctx));
    signed = setHeader(signed, 'Authorization', `Bearer ${token.token.accessToken}`);
  }
  if (config.targetEnvironment !== undefined && config.targetEnvironment !== '') {
    signed = setHeader(signed, 'X-Target-Environment', config.targetEnvironment);
  }
  if (config.referenceId) signed = setHeader(signed, 'X-Reference-Id', ctx.nonces.uuid());
  trace.add(
    'Headers set',
    signed.headers.filter((h) => MOMO_HEADERS.has(h.name.toLowerCase())).map((h) => `${h.name}: ${h.value}`).join('\n'),
  );
  return { request: signed, trace: trace.unredacted() };
}

export const momo: SchemeModule<'momo'> = {
  type: 'momo',
  schema: MomoAuth,
  label: 'MTN MoMo',
  help: 'Ocp-Apim-Subscription-Key, and a token from the token path with Basic base64(API user:API key) unless "Use a bearer token" is off.',
  initial: { type: 'momo', subscriptionKey: '', apiUser: '', apiKey: '', tokenPath: '/collection/token/', useToken: true, referenceId: false },
  fields: {
    subscriptionKey: { label: 'Subscription key', secret: 'text' },
    apiUser: { label: 'API user' },
    apiKey: { label: 'API key', secret: 'text' },
    targetEnvironment: { label: 'Target environment' },
    tokenPath: { label: 'Token path' },
    baseUrl: { label: 'Token base URL' },
    useToken: { label: 'Use a bearer token' },
    referenceId: { label: 'Add X-Reference-Id' },
  },
  use: (step) => {
    const base = { subscriptionKey: 'send Ocp-Apim-Subscription-Key', targetEnvironment: 'send X-Target-Environment' };
    if (!step.useToken) return { label: 'MoMo (no token)', fields: base };
    const token = 'request an access token';
    return {
      label: 'MoMo (token)',
      fields: { ...base, apiUser: token, apiKey: token, tokenPath: 'find the token URL', baseUrl: 'find the token URL' },
    };
  },
  secrets: momoSecrets,
  async apply(request, step, ctx) {
    if (!step.useToken) return applyMomoToken(request, step, undefined, ctx);
    const key: TokenKey = { environment: ctx.environment, tokenUrl: momoTokenUrl(step, request.url), clientId: step.apiUser };
    const got = await ctx.tokens.get(
      key,
      () => fetchToken(ctx.fetchToken, momoTokenRequest(step, request.url), ctx.knownSecrets()),
      step.expiryMarginSeconds ?? DEFAULT_EXPIRY_MARGIN_SECONDS,
    );
    ctx.carriesToken(key, got.token.accessToken);
    return applyMomoToken(request, step, got, ctx);
  },
};
