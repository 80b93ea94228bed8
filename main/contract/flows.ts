import { z } from 'zod';
import { SchemeTrace } from './auth.ts';
import { AssertionResult } from './assertions.ts';
import { Flow, FlowVariableName } from './flow-model.ts';
import { HttpOutcome, SavedFile } from './http.ts';
import { NodeId } from './names.ts';
import { SentEnvironment, SignedPreview } from './requests.ts';

/** Channels of the flow runner and the callback inbox; the flow model itself is in flow-model.ts. */
const StepId = z.string().min(1).max(64);

// ---- What the runner shows.

export const FlowSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  collectionId: z.string(),
  collectionName: z.string(),
  steps: z.number().int(),
});
export type FlowSummary = z.output<typeof FlowSummary>;

/** A flow with what the runner needs about each step's request (null: the request was deleted). */
export const FlowView = z.object({
  collectionId: z.string(),
  collectionName: z.string(),
  flow: Flow,
  requests: z.record(z.string(), z.object({ name: z.string(), method: z.string(), url: z.string() })),
  environments: z.array(SentEnvironment),
});
export type FlowView = z.output<typeof FlowView>;

export const StepStatus = z.enum(['pending', 'running', 'waiting', 'succeeded', 'failed', 'cancelled', 'skipped']);
export type StepStatus = z.output<typeof StepStatus>;

export const CapturedValue = z.object({
  /** e.g. "variable reportId", "secret momo.apiKey (Sandbox vault)". */
  target: z.string(),
  /** Null for a secret: its value never leaves main. */
  value: z.string().nullable(),
});

/** Why a step failed: http-status (outside 2xx), network (no answer), timeout (a poll or callback wait ran out), capture (a value was not there), configuration (signing, variables, vault), protected, cancelled, internal, assertion (the request's assertions did not hold). */
export const StepFailureKind = z.enum(['http-status', 'network', 'timeout', 'capture', 'configuration', 'protected', 'cancelled', 'internal', 'assertion']);
export type StepFailureKind = z.output<typeof StepFailureKind>;

export const StepState = z.object({
  index: z.number().int(),
  id: z.string(),
  name: z.string(),
  kind: z.enum(['request', 'callback']),
  status: StepStatus,
  /** Sends so far (polls count each). */
  attempts: z.number().int(),
  /** Why it failed, what it waits for, or what it found. */
  message: z.string().nullable(),
  startedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
  httpStatus: z.number().int().nullable(),
  /** The send in progress: `requests:progress` events carry it as requestId. */
  sendId: z.string().nullable(),
  saved: SavedFile.nullable(),
  captured: z.array(CapturedValue),
  failure: StepFailureKind.nullable(),
  /** The step's request's assertions, checked on its last response (main/assertions); absent when it has none. */
  assertions: z.array(AssertionResult).optional(),
  /** When the vault is why it failed, the vault's error code, so the screen can offer Create, Unlock, Add, Restore or Allow (#15). */
  vaultProblem: z.enum(['vault_absent', 'locked', 'secret_missing', 'vault_damaged', 'secret_host_refused', 'secret_provider_failed']).nullable().optional(),
});
export type StepState = z.output<typeof StepState>;

export const FlowRunStatus = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type FlowRunStatus = z.output<typeof FlowRunStatus>;

export const FlowRunState = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  collectionId: z.string(),
  environment: SentEnvironment,
  status: FlowRunStatus,
  /** The first failing step's message, or the reason a run stopped. */
  message: z.string().nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** The flow's variables now (captured values included; secrets are never variables). */
  variables: z.array(z.object({ name: z.string(), value: z.string() })),
  steps: z.array(StepState),
});
export type FlowRunState = z.output<typeof FlowRunState>;

// ---- The callback inbox.

export const CallbackEntry = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** Text only (invalid UTF-8 replaced), cut at the size cap. */
  body: z.string(),
  bodyBytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type CallbackEntry = z.output<typeof CallbackEntry>;

/** One step's last exchange, for the runner's detail view: what was sent (redacted), what came back, the signing trace. */
export const StepDetail = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('request'),
    request: SignedPreview,
    outcome: HttpOutcome,
    traces: z.array(SchemeTrace),
  }),
  z.object({
    kind: z.literal('callback'),
    entry: CallbackEntry,
  }),
  z.object({ kind: z.literal('none') }),
]);
export type StepDetail = z.output<typeof StepDetail>;

export const InboxStatus = z.discriminatedUnion('running', [
  z.object({ running: z.literal(false) }),
  z.object({
    running: z.literal(true),
    url: z.string(),
    host: z.string(),
    port: z.number().int(),
    /** Set when it listens beyond loopback: shown as a warning. */
    exposure: z.string().nullable(),
    maxBodyBytes: z.number().int(),
    maxEntries: z.number().int(),
  }),
]);
export type InboxStatus = z.output<typeof InboxStatus>;

export const InboxStartInput = z.strictObject({
  /** 127.0.0.1 unless the user asks for another interface (and is warned). */
  host: z.string().min(1).max(255).default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
});
export type InboxStartInput = z.input<typeof InboxStartInput>;

const FlowRef = z.strictObject({ collectionId: NodeId, flowId: StepId });

export const RunFlowInput = z.strictObject({
  collectionId: NodeId,
  flowId: StepId,
  environmentId: NodeId,
  /** The caller's id for progress events and cancel; one is drawn when absent. */
  runId: z.string().min(1).max(128).optional(),
  /** Required for a protected environment. */
  confirmProtected: z.literal(true).optional(),
  /** Start values that replace the flow's own (the runner's "variables" form). */
  variables: z.record(FlowVariableName, z.string().max(10_000)).optional(),
  /** Re-run from this step of an earlier run, with the variables that run had before it. */
  rerun: z.strictObject({ runId: z.string().min(1).max(128), fromStep: z.number().int().min(0).max(99) }).optional(),
});
export type RunFlowInput = z.input<typeof RunFlowInput>;

export const flowsChannels = {
  'flows:list': { input: z.strictObject({ collectionId: NodeId.optional() }), output: z.array(FlowSummary) },
  'flows:get': { input: FlowRef, output: FlowView },
  /** Creates (no such id yet) or replaces a flow; every step must name a request of the collection. */
  'flows:save': { input: z.strictObject({ collectionId: NodeId, flow: Flow }), output: Flow },
  'flows:delete': { input: FlowRef, output: z.array(FlowSummary) },
  /** Resolves when the run ends (any status); `flows:run-changed` events follow it live. */
  'flows:run': { input: RunFlowInput, output: FlowRunState },
  'flows:cancel': { input: z.strictObject({ runId: z.string().min(1).max(128) }), output: z.object({ cancelled: z.boolean() }) },
  'flows:runs': { input: z.strictObject({}), output: z.array(FlowRunState) },
  'flows:step-detail': { input: z.strictObject({ runId: z.string().min(1).max(128), index: z.number().int().min(0).max(99) }), output: StepDetail },
  'inbox:status': { input: z.strictObject({}), output: InboxStatus },
  'inbox:start': { input: InboxStartInput, output: InboxStatus },
  'inbox:stop': { input: z.strictObject({}), output: InboxStatus },
  'inbox:entries': { input: z.strictObject({}), output: z.array(CallbackEntry) },
  'inbox:clear': { input: z.strictObject({}), output: z.array(CallbackEntry) },
} as const;

export const flowsEvents = {
  'flows:run-changed': FlowRunState,
  'inbox:received': CallbackEntry,
  'inbox:changed': InboxStatus,
} as const;
