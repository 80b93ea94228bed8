import { z } from 'zod';
import { NodeId, SecretRefName } from './names.ts';

/**
 * Flows: several saved requests in a row, with values carried from one to
 * the next, described as data (no scripting language). A flow belongs to a
 * collection and its steps name requests of that collection.
 */

/** A name usable as `{{name}}` in a template. */
export const FlowVariableName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'Use letters, digits, _ . - (starting with a letter or _).');

const JsonPath = z
  .string()
  .min(1)
  .max(500)
  .refine((path) => path.startsWith('$'), 'A JSONPath starts with $ (e.g. $.status or $.items[0].id).');
const HeaderName = z.string().min(1).max(200).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Not a valid header name.');
const Template = z.string().max(10_000);

/**
 * Where a value comes from. `json`, `header` and `status` read the response
 * (or the callback a wait step received); `sent-header` and `sent-json` read
 * the request as it was sent, after signing (e.g. the X-Reference-Id the MoMo
 * scheme drew), with secrets already redacted; `value` is a template over the
 * flow's variables.
 */
export const ValueSource = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('json'), path: JsonPath }),
  z.strictObject({ from: z.literal('header'), name: HeaderName }),
  z.strictObject({ from: z.literal('status') }),
  z.strictObject({ from: z.literal('sent-header'), name: HeaderName }),
  z.strictObject({ from: z.literal('sent-json'), path: JsonPath }),
  z.strictObject({ from: z.literal('value'), template: Template }),
]);
export type ValueSource = z.output<typeof ValueSource>;

/**
 * Where a captured value goes: a flow variable (seen by the later steps), a
 * vault secret of the run's environment (never shown), or a variable of the
 * environment itself (kept after the run).
 */
export const CaptureTarget = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('variable'), name: FlowVariableName }),
  z.strictObject({ to: z.literal('secret'), name: SecretRefName }),
  z.strictObject({ to: z.literal('environment'), name: FlowVariableName }),
]);
export type CaptureTarget = z.output<typeof CaptureTarget>;

export const Capture = z.strictObject({ source: ValueSource, target: CaptureTarget });
export type Capture = z.output<typeof Capture>;

export const ConditionOperator = z.enum(['equals', 'not-equals', 'contains', 'exists', 'missing']);
export type ConditionOperator = z.output<typeof ConditionOperator>;

/** A test on a response: `$.status equals READY`, `status equals 200`, `header Location exists`. */
export const Condition = z.strictObject({
  source: ValueSource,
  operator: ConditionOperator,
  /** A template; ignored by `exists` and `missing`. */
  value: Template.default(''),
});
export type Condition = z.output<typeof Condition>;

/** Repeat the request until the condition holds, at most `maxAttempts` times and for at most `timeoutSeconds`. */
export const Poll = z.strictObject({
  until: Condition,
  intervalSeconds: z.number().min(0.05).max(3600),
  timeoutSeconds: z.number().min(0.1).max(86_400),
  maxAttempts: z.number().int().min(1).max(10_000),
});
export type Poll = z.output<typeof Poll>;

const StepId = z.string().min(1).max(64);
const StepName = z.string().max(200).refine((value) => !/\p{Cc}/u.test(value), 'A name cannot hold control characters.');

export const RequestStep = z.strictObject({
  kind: z.literal('request'),
  id: StepId,
  /** Shown in the runner; the request's own name when empty. */
  name: StepName.default(''),
  requestId: NodeId,
  captures: z.array(Capture).max(50).default([]),
  poll: Poll.optional(),
  /** Stream the body to a file in the downloads folder (the server's file name), with progress. */
  saveToFile: z.boolean().default(false),
  /** A response outside 200-299 fails the step unless this is false. */
  requireSuccess: z.boolean().default(true),
});
export type RequestStep = z.output<typeof RequestStep>;

export const CallbackStep = z.strictObject({
  kind: z.literal('callback'),
  id: StepId,
  name: StepName.default(''),
  /** A template (e.g. `{{externalId}}`): the first callback whose path, headers or body contain it releases the step. */
  match: Template.refine((value) => value.trim() !== '', 'Say what the callback must contain.'),
  timeoutSeconds: z.number().min(0.1).max(86_400),
  /** Read from the callback: `json` and `header` apply to its body and headers. */
  captures: z.array(Capture).max(50).default([]),
});
export type CallbackStep = z.output<typeof CallbackStep>;

export const FlowStep = z.discriminatedUnion('kind', [RequestStep, CallbackStep]);
export type FlowStep = z.output<typeof FlowStep>;

/**
 * A flow variable's starting value: a template over the environment's
 * variables and the dynamic values ({{$uuid}}, ...), plus {{$inboxUrl}}, the
 * callback inbox's address (the inbox starts when a flow needs it).
 */
export const FlowVariable = z.strictObject({ name: FlowVariableName, value: Template });
export type FlowVariable = z.output<typeof FlowVariable>;

export const Flow = z.strictObject({
  id: StepId,
  name: z.string().min(1).max(200).refine((value) => !/\p{Cc}/u.test(value), 'A name cannot hold control characters.'),
  description: z.string().max(10_000).default(''),
  variables: z.array(FlowVariable).max(100).default([]),
  steps: z.array(FlowStep).min(1, 'A flow needs at least one step.').max(100),
});
export type Flow = z.output<typeof Flow>;
export type FlowInput = z.input<typeof Flow>;
