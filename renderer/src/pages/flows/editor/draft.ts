import type { Capture, CaptureTarget, ConditionOperator, Flow, FlowStep, Poll, ValueSource } from '../../../../../main/contract/flow-model.ts';
import type { ErrorIssue } from '../../../../../main/contract/errors.ts';

/**
 * The form's own copy of a flow. Numbers stay text while typed (an emptied
 * field is not 0), a source keeps one field whichever kind is picked (a path
 * survives switching between response and sent JSON), and list rows carry a
 * key so React keeps their inputs when rows move.
 */

export type SourceKind = ValueSource['from'];
export type TargetKind = CaptureTarget['to'];

export type SourceDraft = { from: SourceKind; field: string };
export type CaptureDraft = { key: string; source: SourceDraft; target: { to: TargetKind; name: string } };
export type PollDraft = {
  source: SourceDraft;
  operator: ConditionOperator;
  value: string;
  intervalSeconds: string;
  timeoutSeconds: string;
  maxAttempts: string;
};
export type RequestStepDraft = {
  kind: 'request';
  id: string;
  name: string;
  requestId: string;
  captures: CaptureDraft[];
  /** Kept while unticked, so ticking it again brings the condition back. */
  poll: PollDraft;
  polls: boolean;
  saveToFile: boolean;
  requireSuccess: boolean;
};
export type CallbackStepDraft = { kind: 'callback'; id: string; name: string; match: string; timeoutSeconds: string; captures: CaptureDraft[] };
export type StepDraft = RequestStepDraft | CallbackStepDraft;
export type VariableDraft = { key: string; name: string; value: string };
export type FlowDraft = { id: string; name: string; description: string; variables: VariableDraft[]; steps: StepDraft[] };

const newKey = (): string => crypto.randomUUID();

export function newCapture(): CaptureDraft {
  return { key: newKey(), source: { from: 'json', field: '' }, target: { to: 'variable', name: '' } };
}

export function newVariable(): VariableDraft {
  return { key: newKey(), name: '', value: '' };
}

function defaultPoll(): PollDraft {
  return { source: { from: 'json', field: '$.status' }, operator: 'equals', value: '', intervalSeconds: '1', timeoutSeconds: '60', maxAttempts: '60' };
}

export function newRequestStep(): RequestStepDraft {
  return { kind: 'request', id: crypto.randomUUID(), name: '', requestId: '', captures: [], poll: defaultPoll(), polls: false, saveToFile: false, requireSuccess: true };
}

export function newCallbackStep(): CallbackStepDraft {
  return { kind: 'callback', id: crypto.randomUUID(), name: '', match: '', timeoutSeconds: '60', captures: [] };
}

export function emptyDraft(): FlowDraft {
  return { id: crypto.randomUUID(), name: '', description: '', variables: [], steps: [] };
}

// ---- Flow -> draft.

function sourceDraft(source: ValueSource): SourceDraft {
  switch (source.from) {
    case 'json':
    case 'sent-json':
      return { from: source.from, field: source.path };
    case 'header':
    case 'sent-header':
      return { from: source.from, field: source.name };
    case 'status':
      return { from: 'status', field: '' };
    case 'value':
      return { from: 'value', field: source.template };
  }
}

function captureDraft(capture: Capture): CaptureDraft {
  return { key: newKey(), source: sourceDraft(capture.source), target: { to: capture.target.to, name: capture.target.name } };
}

function pollDraft(poll: Poll): PollDraft {
  return {
    source: sourceDraft(poll.until.source),
    operator: poll.until.operator,
    value: poll.until.value,
    intervalSeconds: String(poll.intervalSeconds),
    timeoutSeconds: String(poll.timeoutSeconds),
    maxAttempts: String(poll.maxAttempts),
  };
}

function stepDraft(step: FlowStep): StepDraft {
  if (step.kind === 'callback') {
    return { kind: 'callback', id: step.id, name: step.name, match: step.match, timeoutSeconds: String(step.timeoutSeconds), captures: step.captures.map(captureDraft) };
  }
  return {
    kind: 'request',
    id: step.id,
    name: step.name,
    requestId: step.requestId,
    captures: step.captures.map(captureDraft),
    poll: step.poll ? pollDraft(step.poll) : defaultPoll(),
    polls: step.poll !== undefined,
    saveToFile: step.saveToFile,
    requireSuccess: step.requireSuccess,
  };
}

/** An existing flow keeps its id and its steps' ids: runs and history refer to them. */
export function draftFromFlow(flow: Flow | null): FlowDraft {
  if (!flow) return emptyDraft();
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    variables: flow.variables.map((variable) => ({ key: newKey(), ...variable })),
    steps: flow.steps.map(stepDraft),
  };
}

// ---- Draft -> flow.

/**
 * The flow to send, plus what the form can tell before main does: numbers
 * that are not numbers and request steps with no request picked. Everything
 * else (names, paths, ranges) is left to the contract, whose issues come back
 * with the same paths.
 */
export function flowFromDraft(draft: FlowDraft): { flow: Flow; issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  const number = (text: string, path: string): number => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value)) {
      issues.push({ path, message: 'Enter a number.' });
      return 0;
    }
    return value;
  };
  const steps = draft.steps.map((step, index): FlowStep => {
    const at = `flow.steps.${String(index)}`;
    const captures = step.captures.map(toCapture);
    if (step.kind === 'callback') {
      return { kind: 'callback', id: step.id, name: step.name, match: step.match, timeoutSeconds: number(step.timeoutSeconds, `${at}.timeoutSeconds`), captures };
    }
    if (step.requestId === '') issues.push({ path: `${at}.requestId`, message: 'Pick a request.' });
    const request: FlowStep = { kind: 'request', id: step.id, name: step.name, requestId: step.requestId, captures, saveToFile: step.saveToFile, requireSuccess: step.requireSuccess };
    if (!step.polls) return request;
    const poll: Poll = {
      until: { source: toSource(step.poll.source), operator: step.poll.operator, value: step.poll.value },
      intervalSeconds: number(step.poll.intervalSeconds, `${at}.poll.intervalSeconds`),
      timeoutSeconds: number(step.poll.timeoutSeconds, `${at}.poll.timeoutSeconds`),
      maxAttempts: number(step.poll.maxAttempts, `${at}.poll.maxAttempts`),
    };
    return { ...request, poll };
  });
  const flow: Flow = {
    id: draft.id,
    name: draft.name,
    description: draft.description,
    variables: draft.variables.map(({ name, value }) => ({ name: name.trim(), value })),
    steps,
  };
  return { flow, issues };
}

function toSource(source: SourceDraft): ValueSource {
  // Paths and header names never mean anything with outer spaces; templates are sent as typed.
  const field = source.field.trim();
  switch (source.from) {
    case 'json':
    case 'sent-json':
      return { from: source.from, path: field };
    case 'header':
    case 'sent-header':
      return { from: source.from, name: field };
    case 'status':
      return { from: 'status' };
    case 'value':
      return { from: 'value', template: source.field };
  }
}

function toCapture(capture: CaptureDraft): Capture {
  return { source: toSource(capture.source), target: { to: capture.target.to, name: capture.target.name.trim() } };
}

// ---- Editing helpers.

/** The list with the item at `index` swapped with its neighbour (`by` -1 up, +1 down); unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const other = index + by;
  const next = [...items];
  const a = next[index];
  const b = next[other];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[other] = a;
  return next;
}

/** Which rows sit where: issues name rows by index, so they only apply while this is unchanged. */
export function layoutOf(draft: FlowDraft): string {
  return JSON.stringify([draft.variables.map((variable) => variable.key), draft.steps.map((step) => [step.id, step.captures.map((capture) => capture.key)])]);
}
