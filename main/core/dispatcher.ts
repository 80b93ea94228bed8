import type { z } from 'zod';
import { channels, isChannelName, type ChannelInput, type ChannelName, type ChannelOutput } from '../contract/index.ts';
import { doorMayCall, type Door } from '../contract/cli.ts';
import { ServiceError, type ContractErrorShape, type Envelope, type ErrorIssue } from '../contract/errors.ts';
import { checkInputShape } from './input-guard.ts';
import { Redactor } from './redactor.ts';

/** Who is calling, as the door itself established it (never taken from the caller's input): the dispatcher keeps the cli: channels to the CLI. */
export type CallContext = { door: Door };

export type Handler<K extends ChannelName> = (
  input: z.output<(typeof channels)[K]['input']>,
  context: CallContext,
) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

/** One handler per channel: the compiler refuses a contract channel without one. */
export type Handlers = { [K in ChannelName]: Handler<K> };

export type Dispatcher = {
  /** Parse, run, parse again. Never throws: every outcome is an envelope. */
  invoke(name: unknown, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>>;
  /** Typed convenience for in-process callers (the CLI, tests). Throws a ServiceError on failure. */
  call<K extends ChannelName>(name: K, input: ChannelInput<K>, context?: CallContext): Promise<ChannelOutput<K>>;
};

export type DispatcherOptions = {
  /** Where unexpected failures are reported; the caller only sees a generic message. */
  onInternalError?: (channel: string, error: unknown) => void;
  /**
   * The process-wide secret ledger. Every output and every error leaves
   * walked by it: the last door a secret would pass, whatever field a
   * service forgot.
   */
  ledger?: Redactor;
};

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  const ledger = options.ledger ?? new Redactor();
  const invoke = async (name: unknown, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>> => ledger.redactDeep(await run(name, rawInput, context));
  const run = async (name: unknown, rawInput: unknown, context: CallContext): Promise<Envelope<unknown>> => {
    if (!isChannelName(name)) {
      return failure({ code: 'unknown_channel', message: `There is no channel named ${describeName(name)}.` });
    }
    const shapeIssue = checkInputShape(rawInput);
    if (shapeIssue) {
      return failure({ code: 'invalid_input', message: `Invalid input for ${name}: ${shapeIssue.message}.`, issues: [shapeIssue] });
    }
    const parsed = channels[name].input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      return failure({ code: 'invalid_input', message: `Invalid input for ${name}: ${summarize(issues)}`, issues });
    }
    // Before any handler runs: the window and browser mode never reach the command line's own channels.
    if (!doorMayCall(context.door, name)) return failure({ code: 'forbidden', message: `${name} is for the countersign command line only.` });
    try {
      // The input was parsed with this very channel's schema, which the correlated types cannot show.
      const handler = handlers[name] as (input: unknown, context: CallContext) => unknown;
      const result = await handler(parsed.data, context);
      const output = channels[name].output.safeParse(result);
      if (!output.success) {
        options.onInternalError?.(name, output.error);
        return failure({ code: 'internal', message: `${name} produced a result that does not match the contract.` });
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof ServiceError) {
        return failure({ code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
      }
      options.onInternalError?.(name, error);
      return failure({ code: 'internal', message: `${name} failed unexpectedly. The details were logged in main.` });
    }
  };

  const call = async <K extends ChannelName>(name: K, input: ChannelInput<K>, context: CallContext = { door: 'test' }) => {
    const envelope = await invoke(name, input, context);
    if (!envelope.ok) throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.issues);
    return envelope.value as ChannelOutput<K>;
  };

  return { invoke, call };
}

function failure(error: ContractErrorShape): Envelope<never> {
  return { ok: false, error };
}

function describeName(name: unknown): string {
  if (typeof name !== 'string') return `of type ${typeof name}`;
  return JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name);
}

function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function summarize(issues: ErrorIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}
