import type { SchemeTrace } from '../contract/auth.ts';
import type { HttpOutcome } from '../contract/http.ts';
import { executeRequest, type ExecuteOptions, type ExecutorDeps } from '../http/index.ts';
import { SigningError, sendWithTokenRetry, type SignInput, type SignedRequest, type SigningDeps, type TokenFetcher } from '../signing/index.ts';
import { toWireRequest } from './wire.ts';

export type Execute = (request: ReturnType<typeof toWireRequest>, options?: ExecuteOptions, deps?: ExecutorDeps) => Promise<HttpOutcome>;

export type SendResult = {
  /** The response (any status) or the mapped network failure (redirect hops, headers, preview, error and all), with every secret this send touched redacted. */
  outcome: HttpOutcome;
  /** One redacted trace per scheme of the chain. */
  traces: readonly SchemeTrace[];
  /** True when a 401 dropped the token and the request was signed and sent once more. */
  retried: boolean;
  signed: SignedRequest;
};

/**
 * Signs a request with its auth chain and sends it: the one path every door
 * (workbench, CLI, flows) uses. Token endpoints are reached through the same
 * executor, with the same TLS and proxy settings, and a 401 from the API
 * drops the token and retries once.
 */
export async function sendSigned(
  input: SignInput,
  signing: Omit<SigningDeps, 'fetchToken'>,
  options: ExecuteOptions = {},
  execute: Execute = executeRequest,
): Promise<SendResult> {
  const fetchToken = tokenFetcher(options, execute);
  const { response, signed, retried } = await sendWithTokenRetry(input, { ...signing, fetchToken }, async (signed) => {
    // One walk over the whole outcome: no list of fields to forget one from (redirect hops were missed that way).
    const outcome = signed.redactor.redactDeep(await execute(toWireRequest(signed.request), options));
    return { status: outcome.ok ? outcome.response.status : 0, outcome };
  });
  return { outcome: response.outcome, traces: signed.traces, retried, signed };
}

/** Token requests go through the executor too; only their text body is needed. */
export function tokenFetcher(options: ExecuteOptions, execute: Execute = executeRequest): TokenFetcher {
  // A token answer is small and never saved to a file or reported as progress.
  const tokenOptions: ExecuteOptions = { ...options };
  delete tokenOptions.save;
  delete tokenOptions.onProgress;
  return async (request) => {
    const outcome = await execute(toWireRequest(request), tokenOptions);
    if (!outcome.ok) throw new SigningError(`The token request to ${request.url} failed: ${outcome.error.message}`);
    const preview = outcome.response.preview;
    const body = preview.encoding === 'utf8' ? preview.data : Buffer.from(preview.data, 'base64').toString('utf8');
    return { status: outcome.response.status, body };
  };
}
