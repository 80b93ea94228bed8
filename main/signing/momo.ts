import type { MomoAuth } from '../contract/auth.ts';
import { applyMomoToken, momoSecrets } from './schemes/momo.ts';
import type { CachedToken } from './token-cache.ts';
import { redactTrace } from './trace.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from './types.ts';

// The scheme lives in schemes/momo.ts; this is its pure form with the trace redacted, for the diagnosis.
export { momoSecrets, momoTokenRequest, momoTokenUrl } from './schemes/momo.ts';

export function applyMomo(
  request: SigningRequest,
  config: MomoAuth,
  token: { token: CachedToken; fromCache: boolean } | undefined,
  ctx: SchemeContext,
): SchemeResult {
  const result = applyMomoToken(request, config, token, ctx);
  const secrets = momoSecrets(config);
  if (token !== undefined) secrets.push(token.token.accessToken);
  return { ...result, trace: redactTrace(result.trace, secrets) };
}
