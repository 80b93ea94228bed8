import type { MomoAuth } from '../contract/auth.ts';
import { setHeader } from './request-edit.ts';
import { basicCredentials } from './simple-auth.ts';
import { checkUrl, joinUrl } from './url.ts';
import type { CachedToken } from './token-cache.ts';
import { describeToken } from './oauth2.ts';
import { keyShape, TraceBuilder } from './trace.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from './types.ts';

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

/** Subscription key, optional bearer token, target environment and a fresh X-Reference-Id. */
export function applyMomo(
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
  const names = new Set(['ocp-apim-subscription-key', 'authorization', 'x-target-environment', 'x-reference-id']);
  trace.add(
    'Headers set',
    signed.headers.filter((h) => names.has(h.name.toLowerCase())).map((h) => `${h.name}: ${h.value}`).join('\n'),
  );
  const secrets = momoSecrets(config);
  if (token !== undefined) secrets.push(token.token.accessToken);
  return { request: signed, trace: trace.build(secrets) };
}
