import { ServiceError } from '../contract/errors.ts';
import type { SendResult, SignResult } from '../contract/requests.ts';
import type { ChainFailure } from './send-signed.ts';

/**
 * A send whose chain failed at its token step. Internal callers (flows, the
 * CLI) see an ordinary `failed` error with the plain-words cause; the
 * requests:send channel answers with `result` instead, so the workbench can
 * show the token request, its answer and its trace.
 */
export class SendFailedError extends ServiceError {
  readonly result: SendResult;
  constructor(message: string, result: SendResult) {
    super('failed', message);
    this.result = result;
  }
}

/** The same for "sign without sending": requests:sign answers with `result` (the token exchange, its trace and cause). */
export class SignFailedError extends ServiceError {
  readonly result: SignResult;
  constructor(message: string, result: SignResult) {
    super('failed', message);
    this.result = result;
  }
}

/** The channel's answer for a chain that failed before its call (redacted by the caller). */
export function chainFailureResult(
  error: ChainFailure,
  sendId: string,
  environment: SendResult['environment'],
  historyId: string | null,
): SendResult {
  const outcome: SendResult['outcome'] = error.outcome ?? {
    ok: false,
    error: { kind: 'other', message: error.failure.cause },
    redirects: [],
  };
  return { sendId, environment, outcome, traces: error.traces, retried: false, spilled: false, exchanges: error.exchanges, failure: error.failure, historyId };
}
