import type { ApiKeyAuth, BasicAuth, BearerAuth } from '../contract/auth.ts';
import { applyApiKey as apiKeyTrace } from './schemes/api-key.ts';
import { applyBasic as basicTrace, basicCredentials } from './schemes/basic.ts';
import { applyBearer as bearerTrace } from './schemes/bearer.ts';
import { redactTrace } from './trace.ts';
import type { SchemeResult, SigningRequest } from './types.ts';

// The schemes live in schemes/; these are their pure forms with the trace redacted, for the diagnosis and tests.
export { basicCredentials };

export function applyApiKey(request: SigningRequest, config: ApiKeyAuth): SchemeResult {
  const result = apiKeyTrace(request, config);
  return { ...result, trace: redactTrace(result.trace, [config.value]) };
}

export function applyBasic(request: SigningRequest, config: BasicAuth): SchemeResult {
  const result = basicTrace(request, config);
  return { ...result, trace: redactTrace(result.trace, [config.password, basicCredentials(config.username, config.password)]) };
}

export function applyBearer(request: SigningRequest, config: BearerAuth): SchemeResult {
  const result = bearerTrace(request, config);
  return { ...result, trace: redactTrace(result.trace, [config.token]) };
}
