import type { AuthStep, SchemeTrace } from '../contract/auth.ts';
import type { Exchange, ExchangeFailure, SignatureInputs } from '../contract/exchanges.ts';
import type { HttpOutcome } from '../contract/http.ts';
import { Redactor } from '../core/redactor.ts';
import { executeRequest, type ExecuteOptions, type ExecutorDeps } from '../http/index.ts';
import { SigningError, signRequest, type SignInput, type SignedRequest, type SigningDeps, type SigningRequest, type TokenFetcher } from '../signing/index.ts';
import { callFailure, tokenFailure } from '../diagnosis/failure.ts';
import { previewText, toExchange, type ExchangeDraft } from '../diagnosis/exchange-record.ts';
import { SigningRecorder } from '../diagnosis/recording.ts';
import { signatureInputsOf } from '../diagnosis/signature-inputs.ts';
import { buildFileBody, checkFilesBeforeSigning, type FileBody } from './file-body.ts';
import { NO_BODY_FILES, type BodyFileRules } from './file-access.ts';
import { shownWire, toWireRequest } from './wire.ts';

export type Execute = (request: ReturnType<typeof toWireRequest>, options?: ExecuteOptions, deps?: ExecutorDeps) => Promise<HttpOutcome>;

export type SendResult = {
  /** The response (any status) or the mapped network failure (redirect hops, headers, preview, error and all), with every secret this send touched redacted. */
  outcome: HttpOutcome;
  /** One redacted trace per scheme of the chain. */
  traces: readonly SchemeTrace[];
  /** True when a 401 dropped the token and the request was signed and sent once more. */
  retried: boolean;
  signed: SignedRequest;
  /** Every round trip (token requests, then the call), redacted. */
  exchanges: Exchange[];
  /** Null for a 2xx. */
  failure: ExchangeFailure | null;
  /** What the signature was made from, redacted; null when the chain signs nothing. */
  signatureInputs: SignatureInputs | null;
  /** The multipart or binary body as it was sent (bytes and description); null for text bodies. */
  files: FileBody | null;
};

/**
 * A send that stopped before its call: a token request failed (refused,
 * unreachable) or signing failed after a token was fetched. It carries the
 * exchanges so far, redacted, so the user sees what was sent and answered.
 */
export class ChainFailure extends SigningError {
  readonly failure: ExchangeFailure;
  readonly exchanges: Exchange[];
  readonly traces: SchemeTrace[];
  /** The failed exchange's answer (or network error), redacted. */
  readonly outcome: HttpOutcome | null;
  constructor(failure: ExchangeFailure, exchanges: Exchange[], traces: SchemeTrace[], outcome: HttpOutcome | null) {
    super(`${failure.cause.charAt(0).toUpperCase()}${failure.cause.slice(1)}.${failure.detail === null ? '' : ` ${failure.detail}`}`);
    this.failure = failure;
    this.exchanges = exchanges;
    this.traces = traces;
    this.outcome = outcome;
  }
}

/** The token steps of a chain, in order: a token request is matched to the step that asked for it. */
function tokenSteps(auth: readonly AuthStep[]): AuthStep[] {
  return auth.filter((step) => step.type === 'oauth2-client-credentials' || (step.type === 'momo' && step.useToken));
}

const TOKEN_LABEL: Partial<Record<AuthStep['type'], string>> = {
  'oauth2-client-credentials': 'OAuth 2.0 client credentials token',
  momo: 'MTN MoMo token',
};

/** Secrets a token request carries in its own bytes (client_secret in the form, Basic credentials), for a failure that lost the signer's redactor. */
function tokenRequestSecrets(request: SigningRequest, redactor: Redactor): void {
  if (request.body.kind === 'form') {
    for (const pair of request.body.pairs) if (pair.name === 'client_secret') redactor.add(pair.value);
  }
  for (const header of request.headers) {
    const basic = /^Basic\s+(.+)$/i.exec(header.name.toLowerCase() === 'authorization' ? header.value : '');
    if (basic?.[1] === undefined) continue;
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at > 0) redactor.addBasicPair(decoded.slice(0, at), decoded.slice(at + 1));
    redactor.add(basic[1]);
  }
}

function accessTokenIn(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const token = typeof parsed === 'object' && parsed !== null ? (parsed as { access_token?: unknown }).access_token : undefined;
    return typeof token === 'string' && token !== '' ? token : null;
  } catch {
    return null;
  }
}

/** A short trace for a token request that failed: the signer builds its own only once a token is in hand. */
function failedTokenTrace(step: AuthStep | undefined, request: SigningRequest, failure: ExchangeFailure): SchemeTrace {
  return {
    scheme: step?.type === 'momo' ? 'MTN MoMo' : 'OAuth 2.0 client credentials',
    steps: [
      { label: 'Token URL', value: request.url },
      { label: 'Token request', value: `${request.method} ${request.url}`, note: 'sent; its body and headers are in the exchange, secrets redacted' },
      { label: 'Answer', value: failure.detail ?? failure.cause },
      { label: 'Cause', value: failure.cause },
    ],
  };
}

/**
 * Signs a request with its auth chain and sends it: the one path every door
 * (workbench, CLI, flows) uses. Token endpoints are reached through the same
 * executor, with the same TLS and proxy settings, and a 401 from the API
 * drops the token and retries once. Every round trip is recorded as an
 * exchange, and what the signer drew is recorded so History can re-derive
 * the signature.
 */
export async function sendSigned(
  input: SignInput,
  signing: Omit<SigningDeps, 'fetchToken'>,
  options: ExecuteOptions = {},
  execute: Execute = executeRequest,
  bodyFiles: BodyFileRules = NO_BODY_FILES,
): Promise<SendResult> {
  // A body file the user did not allow stops the send before a token request, let alone the call, goes out.
  await checkFilesBeforeSigning(input.request.body, bodyFiles, input.environment.variables);
  const { recorder, drafts, signOnce } = recordedSigning(input, signing, options, execute);
  let files: FileBody | null = null;
  const sendOnce = async (signed: SignedRequest): Promise<HttpOutcome> => {
    // Files are read after signing (their paths may hold variables) and before anything of the call goes out.
    files = await buildFileBody(signed.request.body, bodyFiles);
    const wire = toWireRequest(signed.request, files);
    const at = signing.clock.now();
    // One walk over the whole outcome: no list of fields to forget one from (redirect hops were missed that way).
    const outcome = signed.redactor.redactDeep(await execute(wire, options));
    drafts.push({ role: 'call', label: 'request', wire: shownWire(wire, files), at, durationMs: signing.clock.now() - at, outcome, traces: [...signed.traces], failure: callFailure(outcome, wire.url) });
    return outcome;
  };

  let signed = await signOnce();
  let outcome = await sendOnce(signed);
  let retried = false;
  // The record covers both signings after a retry: the first call's request carried the token the 401 dropped.
  const redactor = new Redactor().absorb(signed.redactor);
  const signings = [signed];
  if (outcome.ok && outcome.response.status === 401 && signed.tokensUsed.length > 0) {
    for (const used of signed.tokensUsed) signing.tokens.drop(used.key, used.accessToken);
    signed = await signOnce();
    signings.push(signed);
    outcome = await sendOnce(signed);
    retried = true;
  }
  redactor.absorb(signed.redactor).absorb(recorder.redactor);
  const exchanges = drafts.map((draft) => exchangeOf(withTokenTrace(draft, signed.traces), redactor, signings));
  return {
    outcome,
    traces: signed.traces,
    retried,
    signed,
    exchanges,
    failure: exchanges[exchanges.length - 1]?.failure ?? null,
    signatureInputs: signatureInputsOf(input, signed.traces, recorder, redactor),
    files,
  };
}

/** Signing with every token request recorded as an exchange and every drawn value recorded for History. */
function recordedSigning(input: SignInput, signing: Omit<SigningDeps, 'fetchToken'>, options: ExecuteOptions, execute: Execute) {
  const recorder = new SigningRecorder(signing.clock, signing.nonces, signing.secrets);
  const drafts: ExchangeDraft[] = [];
  const fetchToken = recordingTokenFetcher(options, execute, drafts, tokenSteps(input.auth), input.environment.name, () => signing.clock.now());
  const deps: SigningDeps = { ...signing, clock: recorder.clock, nonces: recorder.nonces, secrets: recorder.secrets, fetchToken };
  const signOnce = async (): Promise<SignedRequest> => {
    recorder.restart();
    try {
      return await signRequest(input, deps);
    } catch (error) {
      throw chainFailureOf(error, drafts, recorder.redactor);
    }
  };
  return { recorder, drafts, signOnce };
}

/**
 * "Sign without sending": signs as a send would, so a token step really
 * sends its token request; that request and its answer come back as
 * exchanges. A refused token throws a ChainFailure, as a send does.
 */
export async function signWithExchanges(
  input: SignInput,
  signing: Omit<SigningDeps, 'fetchToken'>,
  options: ExecuteOptions = {},
  execute: Execute = executeRequest,
): Promise<{ signed: SignedRequest; exchanges: Exchange[] }> {
  const { recorder, drafts, signOnce } = recordedSigning(input, signing, options, execute);
  const signed = await signOnce();
  const redactor = new Redactor().absorb(signed.redactor).absorb(recorder.redactor);
  return { signed, exchanges: drafts.map((draft) => exchangeOf(withTokenTrace(draft, signed.traces), redactor, [signed])) };
}

/**
 * The exchange of a draft, walked by the redactor. Traces that are the very
 * objects signRequest gave out (redacted there, with every secret their
 * signing touched) join it after the walk instead of being walked a second
 * time; any other trace (a failed token request's, built here in clear) is
 * walked with the rest.
 */
function exchangeOf(draft: ExchangeDraft, redactor: Redactor, signings: readonly SignedRequest[]): Exchange {
  const fromSigner = (trace: SchemeTrace) => signings.some((signed) => signed.traces.includes(trace));
  if (draft.traces.length === 0 || !draft.traces.every(fromSigner)) return toExchange(draft, redactor);
  return { ...toExchange({ ...draft, traces: [] }, redactor), traces: [...draft.traces] };
}

/** A token exchange that succeeded shows the token step's trace (fetched, cached, header set). */
function withTokenTrace(draft: ExchangeDraft, traces: readonly SchemeTrace[]): ExchangeDraft {
  if (draft.role !== 'token' || draft.failure !== null) return draft;
  const scheme = draft.label === TOKEN_LABEL.momo ? 'MTN MoMo' : 'OAuth 2.0 client credentials';
  return { ...draft, traces: traces.filter((trace) => trace.scheme === scheme) };
}

/** A signing error after a failed token exchange becomes a ChainFailure carrying the exchanges; any other error passes unchanged. */
function chainFailureOf(error: unknown, drafts: readonly ExchangeDraft[], known: Redactor): unknown {
  const failed = [...drafts].reverse().find((draft) => draft.role === 'token' && draft.failure !== null);
  if (failed === undefined || failed.failure === null) return error;
  const exchanges = drafts.map((draft) => toExchange(draft, known));
  const last = exchanges[exchanges.length - 1];
  const all = new Redactor().absorb(known);
  for (const draft of drafts) if (draft.secrets) all.absorb(draft.secrets);
  const outcome = failed.outcome === null ? null : all.redactDeep(failed.outcome);
  return new ChainFailure(last?.failure ?? all.redactDeep(failed.failure), exchanges, last?.traces ?? [], outcome);
}

/** Token requests go through the executor too and are recorded as exchanges. */
function recordingTokenFetcher(
  options: ExecuteOptions,
  execute: Execute,
  drafts: ExchangeDraft[],
  steps: readonly AuthStep[],
  environment: string,
  now: () => number,
): TokenFetcher {
  const plain = tokenOptions(options);
  return async (request) => {
    const known = new Redactor();
    tokenRequestSecrets(request, known);
    // The n-th token request of a signing belongs to the n-th token step (retries start over).
    const step = steps[drafts.filter((d) => d.role === 'token').length % Math.max(1, steps.length)];
    const wire = toWireRequest(request);
    const at = now();
    const outcome = await execute(wire, plain);
    const body = previewText(outcome);
    const token = accessTokenIn(body);
    if (token !== null) known.add(token);
    const failure = step === undefined ? null : tokenFailure(outcome, known.redactText(body), token !== null, { step, environment, url: request.url });
    const draft: ExchangeDraft = {
      role: 'token',
      label: (step && TOKEN_LABEL[step.type]) ?? 'token',
      wire,
      at,
      durationMs: now() - at,
      outcome,
      traces: [],
      failure,
      secrets: known,
    };
    if (failure !== null) draft.traces = [failedTokenTrace(step, request, failure)];
    drafts.push(draft);
    if (!outcome.ok) throw new SigningError(`The token request to ${request.url} failed: ${outcome.error.message}`);
    return { status: outcome.response.status, body };
  };
}

function tokenOptions(options: ExecuteOptions): ExecuteOptions {
  // A token answer is small and never saved to a file or reported as progress.
  const plain: ExecuteOptions = { ...options };
  delete plain.save;
  delete plain.onProgress;
  return plain;
}

/** Token requests go through the executor too; only their text body is needed. */
export function tokenFetcher(options: ExecuteOptions, execute: Execute = executeRequest): TokenFetcher {
  const plain = tokenOptions(options);
  return async (request) => {
    const outcome = await execute(toWireRequest(request), plain);
    if (!outcome.ok) throw new SigningError(`The token request to ${request.url} failed: ${outcome.error.message}`);
    return { status: outcome.response.status, body: previewText(outcome) };
  };
}
