import type { OAuth2ClientCredentials } from '../contract/auth.ts';
import { applyOAuth2Token, oauth2Secrets } from './schemes/oauth2-client-credentials.ts';
import type { CachedToken } from './token-cache.ts';
import { redactTrace } from './trace.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from './types.ts';

// The scheme lives in schemes/oauth2-client-credentials.ts; this is its pure form with the trace redacted, for the diagnosis.
export { clientCredentialsRequest, describeToken, oauth2Secrets, oauth2TokenUrl } from './schemes/oauth2-client-credentials.ts';

export function applyOAuth2(request: SigningRequest, config: OAuth2ClientCredentials, token: CachedToken, fromCache: boolean, ctx: SchemeContext): SchemeResult {
  const result = applyOAuth2Token(request, config, token, fromCache, ctx);
  return { ...result, trace: redactTrace(result.trace, [...oauth2Secrets(config), token.accessToken]) };
}
