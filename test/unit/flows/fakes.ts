import type { Flow, FlowInput, FlowStep } from '../../../main/contract/flow-model.ts';
import { Flow as FlowSchema } from '../../../main/contract/flow-model.ts';
import type { CallbackEntry, FlowRunState, StepDetail } from '../../../main/contract/flows.ts';
import type { HttpOutcome } from '../../../main/contract/http.ts';
import type { SignedPreview } from '../../../main/contract/requests.ts';
import type { RunHooks, RunnerDeps, RunPlan } from '../../../main/flows/flow-runner.ts';
import type { CallbackInbox } from '../../../main/inbox/callback-inbox.ts';
import type { InternalSendInput, SendOutcome } from '../../../main/requests/request-service.ts';

/** Fakes for RunnerDeps: scripted sends, a clock whose sleep only moves time, an inbox with canned callbacks. */

export const START = Date.parse('2026-03-01T10:00:00Z');
export const ENVIRONMENT = { id: 'env-sandbox', name: 'Sandbox', protected: false };

export type Reply = {
  status?: number;
  statusText?: string;
  body?: string;
  headers?: [string, string][];
  sent?: Partial<SignedPreview>;
};

export function response(reply: Reply): Extract<HttpOutcome, { ok: true }> {
  return {
    ok: true,
    response: {
      url: 'https://gateway.test/api',
      status: reply.status ?? 200,
      statusText: reply.statusText ?? 'OK',
      headers: reply.headers ?? [['content-type', 'application/json']],
      timing: { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: 1, downloadMs: 1, totalMs: 2 },
      bytes: Buffer.byteLength(reply.body ?? ''),
      contentType: 'application/json',
      preview: { encoding: 'utf8', data: reply.body ?? '', truncated: false },
      saved: null,
      clockSkew: null,
      redirects: [],
      pendingRedirect: null,
    },
  };
}

export function sentPreview(sent: Partial<SignedPreview> = {}): SignedPreview {
  return { method: 'POST', url: 'https://gateway.test/api', headers: [], body: '', ...sent };
}

export function outcome(sendId: string, httpOutcome: HttpOutcome, sent: Partial<SignedPreview> = {}): SendOutcome {
  return { sendId, environment: ENVIRONMENT, outcome: httpOutcome, traces: [], retried: false, sent: sentPreview(sent) };
}

export function networkFailure(sendId: string, message: string): SendOutcome {
  return outcome(sendId, { ok: false, error: { kind: 'refused', message }, redirects: [] });
}

type Script = (input: InternalSendInput, call: number) => SendOutcome | Promise<SendOutcome>;

/** `requests` for the runner: each send answers from a script; what went out is recorded (variables copied, as they were then). */
export function scriptedRequests(script: Script) {
  const sends: (InternalSendInput & { variablesThen: Record<string, string> })[] = [];
  const cancels: string[] = [];
  return {
    sends,
    cancels,
    requests: {
      send: async (input: InternalSendInput) => {
        sends.push({ ...input, variablesThen: { ...(input.variables ?? {}) } });
        return script(input, sends.length);
      },
      cancel: (sendId: string) => {
        cancels.push(sendId);
        return { cancelled: true };
      },
    } satisfies RunnerDeps['requests'],
  };
}

/** Answers each request id with its own list of replies, the last repeating. */
export function repliesByRequest(replies: Record<string, Reply[]>): Script {
  const counts = new Map<string, number>();
  return (input) => {
    const list = replies[input.requestId] ?? [];
    const count = counts.get(input.requestId) ?? 0;
    counts.set(input.requestId, count + 1);
    const reply = list[Math.min(count, list.length - 1)];
    if (reply === undefined) throw new Error(`no reply scripted for ${input.requestId}`);
    return outcome(input.sendId ?? 'send', response(reply), reply.sent);
  };
}

/** A clock that stands still until something sleeps; sleep returns at once with the time moved on. */
export function fakeClock(start = START) {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

export function callbackEntry(entry: Partial<CallbackEntry>): CallbackEntry {
  return {
    id: 1,
    receivedAt: new Date(START).toISOString(),
    method: 'PUT',
    path: '/momo/requesttopay',
    headers: [['content-type', 'application/json']],
    body: '{}',
    bodyBytes: 2,
    truncated: false,
    ...entry,
  };
}

/**
 * An inbox holding canned callbacks: waitFor resolves with the first that
 * matches, or rejects as the real one does when its time runs out (here at
 * once) or when the signal aborts.
 */
export function fakeInbox(entries: CallbackEntry[], options: { holdUntilAbort?: boolean } = {}) {
  const waits: { timeoutMs: number; description: string }[] = [];
  const inbox: CallbackInbox = {
    url: 'http://127.0.0.1:8788',
    port: 8788,
    exposure: null,
    entries: () => [...entries],
    waitFor(match, { timeoutMs, description, signal }) {
      waits.push({ timeoutMs, description });
      const found = entries.find(match);
      if (found) return Promise.resolve(found);
      if (options.holdUntilAbort === true) {
        return new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error(`Stopped waiting for ${description}.`)), { once: true });
        });
      }
      return Promise.reject(new Error(`No callback matching ${description} arrived within ${String(timeoutMs / 1000)} s.`));
    },
    clear: () => entries.splice(0),
    close: () => Promise.resolve(),
  };
  return { inbox, waits };
}

/** Hooks that keep every call, so tests can look at all the states and details the runner handed out. */
export function recordingHooks() {
  const states: FlowRunState[] = [];
  const before: { index: number; variables: Record<string, string> }[] = [];
  const details: { index: number; detail: StepDetail }[] = [];
  const hooks: RunHooks = {
    changed: (state) => states.push(state),
    beforeStep: (index, variables) => before.push({ index, variables: { ...variables } }),
    detail: (index, detail) => details.push({ index, detail }),
  };
  return { hooks, states, before, details };
}

export type DepsOverrides = Partial<RunnerDeps>;

export function deps(requests: RunnerDeps['requests'], clock: ReturnType<typeof fakeClock>, overrides: DepsOverrides = {}) {
  const secrets: { environment: string; name: string; value: string }[] = [];
  const environment: { name: string; value: string }[] = [];
  const runnerDeps: RunnerDeps = {
    requests,
    storeSecret: (env, name, value) => {
      secrets.push({ environment: env, name, value });
      return Promise.resolve();
    },
    setEnvironmentVariable: (name, value) => environment.push({ name, value }),
    inbox: () => Promise.reject(new Error('this flow has no callback step')),
    now: clock.now,
    sleep: clock.sleep,
    ...overrides,
  };
  return { deps: runnerDeps, secrets, environment };
}

export function flow(steps: FlowStep[] | FlowInput['steps'], extra: Partial<FlowInput> = {}): Flow {
  return FlowSchema.parse({ id: 'flow-1', name: 'Test flow', steps, ...extra });
}

export function plan(theFlow: Flow, extra: Partial<RunPlan> = {}): RunPlan {
  return {
    runId: 'run-1',
    flow: theFlow,
    collectionId: 'col-1',
    environment: ENVIRONMENT,
    environmentVariables: {},
    variables: {},
    fromStep: 0,
    confirmProtected: false,
    requestNames: {},
    ...extra,
  };
}

/** Statuses one step went through in the published states, repeats folded. */
export function statusTrail(states: readonly FlowRunState[], index: number): string[] {
  const trail: string[] = [];
  for (const state of states) {
    const status = state.steps[index]?.status;
    if (status !== undefined && trail.at(-1) !== status) trail.push(status);
  }
  return trail;
}
