import { ServiceError } from '../contract/errors.ts';
import { vaultErrorIn } from '../vault/vault-errors.ts';
import type { CallbackStep, Capture, Flow, RequestStep } from '../contract/flow-model.ts';
import type { CallbackEntry, FlowRunState, StepDetail, StepFailureKind, StepState } from '../contract/flows.ts';
import type { SentEnvironment } from '../contract/requests.ts';
import type { z } from 'zod';
import type { CallbackInbox } from '../inbox/callback-inbox.ts';
import type { RequestService, SendOutcome } from '../requests/request-service.ts';
import { evaluateCondition } from './condition.ts';
import { callbackView, responseView, type ExchangeView } from './exchange-view.ts';
import { readValue } from './read-value.ts';
import { Redactor } from '../core/redactor.ts';
import { resolvePlainTemplate } from './templates.ts';

/** What a run needs from the rest of main; tests pass fakes. */
export type RunnerDeps = {
  requests: Pick<RequestService, 'send' | 'cancel'>;
  /** Stores a captured secret in the run's environment's vault. */
  storeSecret: (environment: string, name: string, value: string) => Promise<void>;
  /** Keeps a captured value as a variable of the run's environment. */
  setEnvironmentVariable: (name: string, value: string) => void;
  inbox: () => Promise<CallbackInbox>;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Where an unexpected failure's cause goes (main's log); the step itself only says it failed. */
  log?: (message: string, error: unknown) => void;
};

export type RunPlan = {
  runId: string;
  flow: Flow;
  collectionId: string;
  environment: z.output<typeof SentEnvironment>;
  /** The environment's enabled variables (templates in captures and conditions may use them). */
  environmentVariables: Readonly<Record<string, string>>;
  /** The flow variables at the first step to run. */
  variables: Record<string, string>;
  fromStep: number;
  confirmProtected: boolean;
  /** Names shown for request steps without a name of their own. */
  requestNames: Readonly<Record<string, string>>;
  /** Where "save to file" steps write (`flow --out-dir`); the downloads folder when absent. */
  saveDirectory?: string | undefined;
};

export type RunHooks = {
  changed: (state: FlowRunState) => void;
  /** The variables just before a step starts: a later "re-run from this step" starts from them. */
  beforeStep: (index: number, variables: Readonly<Record<string, string>>) => void;
  detail: (index: number, detail: StepDetail) => void;
};

/** Why a step failed, so doors can map it (the CLI's exit codes). */
class StepFailure extends Error {
  readonly kind: StepFailureKind;
  constructor(kind: StepFailureKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/**
 * Runs a flow's steps in order. Each step's state is published as it
 * changes; the first failing step ends the run. Cancel aborts the send or
 * wait in progress. The runner never throws: the final state says how it ended.
 */
export async function runFlow(plan: RunPlan, deps: RunnerDeps, hooks: RunHooks, signal: AbortSignal): Promise<FlowRunState> {
  const variables = { ...plan.variables };
  const state: FlowRunState = {
    runId: plan.runId,
    flowId: plan.flow.id,
    flowName: plan.flow.name,
    collectionId: plan.collectionId,
    environment: plan.environment,
    status: 'running',
    message: null,
    startedAt: deps.now(),
    finishedAt: null,
    variables: [],
    steps: plan.flow.steps.map(
      (step, index): StepState => ({
        index,
        id: step.id,
        name: stepName(step, plan.requestNames),
        kind: step.kind,
        status: index < plan.fromStep ? 'skipped' : 'pending',
        attempts: 0,
        message: index < plan.fromStep ? 'Not run: this run started at a later step.' : null,
        startedAt: null,
        durationMs: null,
        httpStatus: null,
        sendId: null,
        saved: null,
        captured: [],
        failure: null,
      }),
    ),
  };
  // Every value this run stored in the vault: cut out of everything published (states and details), while the run itself keeps using the real values.
  // The run's one redactor: every secret each step's send used (vault values, tokens) and every value captured into the vault.
  const redactor = new Redactor();
  // What leaves the runner (events and the final answer): a copy with stored secrets cut out.
  const shown = (): FlowRunState => {
    state.variables = Object.entries(variables).map(([name, value]) => ({ name, value }));
    return redactor.redactDeep(structuredClone(state));
  };
  const publish = () => hooks.changed(shown());
  const template = (text: string) => resolvePlainTemplate(text, variables, plan.environmentVariables);
  // The step's last exchange; handed to the hook only with every captured secret taken out.
  let exchange: StepDetail = { kind: 'none' };
  let stepStoresSecrets = false;
  // The assertions of the step's last send (a poll's final answer), checked once the step has its answer.
  let lastAssertions: SendOutcome['assertions'];
  const checkAssertions = (stepState: StepState) => {
    if (lastAssertions === undefined) return;
    stepState.assertions = lastAssertions;
    const failed = lastAssertions.filter((assertion) => !assertion.passed);
    lastAssertions = undefined;
    if (failed.length > 0) throw new StepFailure('assertion', `${String(failed.length)} of ${String(stepState.assertions.length)} assertions failed: ${failed.map((assertion) => `${assertion.label} (${assertion.message})`).join('; ')}`);
  };
  const recordDetail = (index: number) => {
    hooks.detail(index, redactor.redactDeep(exchange));
  };
  publish();

  for (let index = plan.fromStep; index < plan.flow.steps.length; index++) {
    const step = plan.flow.steps[index];
    const stepState = state.steps[index];
    if (step === undefined || stepState === undefined) break;
    if (signal.aborted) break;
    hooks.beforeStep(index, { ...variables });
    exchange = { kind: 'none' };
    stepStoresSecrets = step.captures.some((capture) => capture.target.to === 'secret');
    stepState.status = 'running';
    stepState.startedAt = deps.now();
    publish();
    try {
      const view = step.kind === 'request' ? await runRequestStep(step, stepState) : await runCallbackStep(step, stepState);
      checkAssertions(stepState);
      await applyCaptures(step.captures, view, stepState);
      stepState.status = 'succeeded';
    } catch (error) {
      if (signal.aborted) {
        stepState.status = 'cancelled';
        stepState.message = 'Cancelled.';
      } else {
        stepState.status = 'failed';
        stepState.message = error instanceof StepFailure || error instanceof ServiceError ? error.message : 'The step failed unexpectedly.';
        stepState.failure = failureKind(error);
        stepState.vaultProblem = vaultErrorIn(error)?.code ?? null;
        if (stepState.failure === 'internal') deps.log?.(`flow "${plan.flow.name}", step ${String(index + 1)} failed unexpectedly`, error);
        state.message = `Step ${String(index + 1)} (${stepState.name}) failed: ${stepState.message}`;
      }
    } finally {
      recordDetail(index);
      stepState.sendId = null;
      stepState.durationMs = deps.now() - (stepState.startedAt ?? deps.now());
    }
    publish();
    if (stepState.status !== 'succeeded') break;
  }

  const unfinished = state.steps.filter((step) => step.status === 'pending');
  for (const step of unfinished) {
    step.status = 'skipped';
    step.message = 'Not run: an earlier step did not succeed.';
  }
  state.status = signal.aborted ? 'cancelled' : state.steps.some((step) => step.status === 'failed') ? 'failed' : 'succeeded';
  if (state.status === 'cancelled') state.message = 'The run was cancelled.';
  state.finishedAt = deps.now();
  const final = shown();
  hooks.changed(final);
  return structuredClone(final);

  async function send(step: RequestStep, stepState: StepState): Promise<SendOutcome> {
    const sendId = `${plan.runId}:${String(stepState.index)}:${String(stepState.attempts + 1)}`;
    stepState.attempts += 1;
    stepState.sendId = sendId;
    publish();
    const onAbort = () => deps.requests.cancel(sendId);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await deps.requests.send({
        requestId: step.requestId,
        environmentId: plan.environment.id,
        sendId,
        variables,
        redactor,
        ...(plan.confirmProtected ? { confirmProtected: true as const } : {}),
        ...(step.saveToFile ? { saveToDownloads: true, ...(plan.saveDirectory !== undefined ? { saveDirectory: plan.saveDirectory } : {}) } : {}),
      });
      exchange = { kind: 'request', request: result.sent, outcome: result.outcome, traces: result.traces };
      lastAssertions = result.assertions;
      return result;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  async function runRequestStep(step: RequestStep, stepState: StepState): Promise<ExchangeView> {
    const started = deps.now();
    for (;;) {
      const result = await send(step, stepState);
      if (!result.outcome.ok) throw new StepFailure('network', result.outcome.error.message);
      const { response } = result.outcome;
      stepState.httpStatus = response.status;
      // A body that only spilled (too large to preview, nobody asked to save it) is a temporary file, not a saved one.
      stepState.saved = result.spilled === true ? null : response.saved;
      if (step.requireSuccess && (response.status < 200 || response.status > 299)) {
        throw new StepFailure('http-status', `HTTP ${String(response.status)}${response.statusText ? ` ${response.statusText}` : ''}${bodyHint(result)}`);
      }
      const view = responseView(result.outcome, result.sent);
      if (!step.poll) {
        stepState.message = stepState.saved ? `Saved ${stepState.saved.path} (${String(stepState.saved.bytes)} bytes).` : `HTTP ${String(response.status)}`;
        return view;
      }
      const check = evaluateCondition(step.poll.until, view, template);
      if (check.holds) {
        stepState.message = `Done after ${plural(stepState.attempts, 'attempt')}: ${check.description}.`;
        return view;
      }
      const elapsedMs = deps.now() - started;
      const intervalMs = step.poll.intervalSeconds * 1000;
      const timeoutMs = step.poll.timeoutSeconds * 1000;
      const remainingMs = timeoutMs - elapsedMs;
      if (stepState.attempts >= step.poll.maxAttempts) {
        throw new StepFailure('timeout', `Gave up after ${plural(stepState.attempts, 'attempt')} (the maximum) in ${formatSeconds(elapsedMs)}: still waiting until ${check.description}; last value ${check.actual}.`);
      }
      if (remainingMs <= 0) {
        throw new StepFailure('timeout', `Timed out after ${formatSeconds(timeoutMs)} (waited ${formatSeconds(elapsedMs)}, ${plural(stepState.attempts, 'attempt')}): still waiting until ${check.description}; last value ${check.actual}.`);
      }
      // The last try falls on the deadline, however the interval divides the timeout.
      const waitMs = Math.min(intervalMs, remainingMs);
      // An answer that may hold a value this step will store stays unseen until the step ends and can redact it.
      if (!stepStoresSecrets) recordDetail(stepState.index);
      stepState.status = 'waiting';
      stepState.message = `Attempt ${String(stepState.attempts)}: ${check.actual}; waiting until ${check.description}. Next try in ${formatSeconds(waitMs)}.`;
      publish();
      await deps.sleep(waitMs, signal);
      if (signal.aborted) throw new StepFailure('cancelled', 'Cancelled.');
      stepState.status = 'running';
    }
  }

  async function runCallbackStep(step: CallbackStep, stepState: StepState): Promise<ExchangeView> {
    const inbox = await deps.inbox();
    if (signal.aborted) throw new StepFailure('cancelled', 'Cancelled.');
    const wanted = template(step.match);
    if (wanted === '') throw new StepFailure('configuration', `The match ${step.match} is empty: capture the value it needs in an earlier step.`);
    const since = state.startedAt;
    stepState.status = 'waiting';
    stepState.message = `Waiting up to ${formatSeconds(step.timeoutSeconds * 1000)} for a callback to ${inbox.url} that contains "${wanted}".`;
    publish();
    let entry: CallbackEntry;
    try {
      entry = await inbox.waitFor((candidate) => Date.parse(candidate.receivedAt) >= since - 1000 && callbackContains(candidate, wanted), {
        timeoutMs: step.timeoutSeconds * 1000,
        description: `"${wanted}"`,
        signal,
      });
    } catch (error) {
      throw new StepFailure('timeout', error instanceof Error ? error.message : 'The wait ended.');
    }
    stepState.attempts = 1;
    stepState.message = `${entry.method} ${entry.path} arrived${entry.truncated ? ` (body cut to the first ${String(entry.body.length)} characters of ${String(entry.bodyBytes)} bytes)` : ''}.`;
    exchange = { kind: 'callback', entry };
    return callbackView(entry);
  }

  async function applyCaptures(captures: readonly Capture[], view: ExchangeView, stepState: StepState): Promise<void> {
    // Every value is read first, so a missing one fails the step before anything is stored.
    const reads = captures.map((capture) => {
      const read = readValue(capture.source, view, template);
      if (!read.found) throw new StepFailure('capture', `Nothing to capture for ${describeTarget(capture)}: ${read.reason}.`);
      return { target: capture.target, value: read.value };
    });
    // Secrets next, so no state is published with a variable that holds one of them before it is known.
    for (const { target, value } of reads) {
      if (target.to !== 'secret') continue;
      if (value === '') throw new StepFailure('capture', `The value for secret ${target.name} is empty; nothing was stored.`);
      await deps.storeSecret(plan.environment.name, target.name, value);
      redactor.add(value);
    }
    for (const { target, value } of reads) {
      if (target.to === 'variable') {
        variables[target.name] = value;
        stepState.captured.push({ target: `variable ${target.name}`, value });
      } else if (target.to === 'environment') {
        // Environment variables are shown and exported: one must never hold a value the vault keeps.
        if (redactor.holdsSecret(value)) throw new StepFailure('capture', `The value for environment variable ${target.name} holds a value stored in the vault; it was not written.`);
        deps.setEnvironmentVariable(target.name, value);
        variables[target.name] = value;
        stepState.captured.push({ target: `${plan.environment.name} variable ${target.name}`, value });
      } else {
        stepState.captured.push({ target: `secret ${target.name} (${plan.environment.name} vault)`, value: null });
      }
    }
    publish();
  }
}

function failureKind(error: unknown): StepFailureKind {
  if (error instanceof StepFailure) return error.kind;
  // A ServiceError from the send: the request could not be signed or found, the vault is locked, the environment is protected.
  if (error instanceof ServiceError) return error.code === 'forbidden' ? 'protected' : 'configuration';
  return 'internal';
}

function stepName(step: Flow['steps'][number], requestNames: Readonly<Record<string, string>>): string {
  if (step.name.trim() !== '') return step.name;
  if (step.kind === 'callback') return 'Wait for a callback';
  return requestNames[step.requestId] ?? 'A deleted request';
}

function describeTarget({ target }: Capture): string {
  return target.to === 'secret' ? `secret ${target.name}` : target.to === 'environment' ? `environment variable ${target.name}` : `variable ${target.name}`;
}

/** The path, headers or body of a callback contain the text. */
export function callbackContains(entry: CallbackEntry, text: string): boolean {
  return entry.path.includes(text) || entry.body.includes(text) || entry.headers.some(([, value]) => value.includes(text));
}

function bodyHint(result: SendOutcome): string {
  if (!result.outcome.ok) return '';
  const { preview } = result.outcome.response;
  if (preview.encoding !== 'utf8' || preview.data.trim() === '') return '';
  const text = preview.data.replace(/\s+/g, ' ').trim();
  return `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${String(Math.round(ms))} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
