import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { CliError, type CliIo } from './io.ts';

export type Command = {
  /** One line for the command list. */
  summary: string;
  /** The full --help text: usage, options, examples. */
  help: string;
  run(args: string[], io: CliIo, context: CliContext): Promise<number>;
};

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into a usage error that names the problem. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)} (see --help)`, EXIT.usage);
  }
}

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be a whole number from 0 to 65535, not "${value}".`, EXIT.usage);
  }
  return port;
}

/** Resolves when the process is asked to stop (Ctrl+C or SIGTERM). */
export function untilInterrupted(): Promise<void> {
  // The listeners stay attached (`on`, not `once`): signal-exit, used by conf and
  // proper-lockfile, re-raises a signal nobody else listens to, which would kill the
  // process with 143 before the caller's clean shutdown ran.
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}
