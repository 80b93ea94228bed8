import type { CliContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { CliError } from './io.ts';

/**
 * A secret value from piped stdin or a hidden prompt, never from the command
 * line (argv is visible to other users and kept in shell history).
 */
export async function readSecretValue(context: CliContext, question: string): Promise<string> {
  const piped = await context.readStdin();
  if (piped !== null) {
    // `echo value |` adds one line break that is not part of the value.
    const value = piped.replace(/\r?\n$/, '');
    if (value.trim() === '') throw new CliError('Nothing was piped in: give the value on stdin.', EXIT.usage);
    return value;
  }
  if (!context.promptHidden) throw new CliError('Pipe the value on stdin or run in a terminal to be asked for it.', EXIT.usage);
  return context.promptHidden(question);
}

/** A new passphrase: from the named environment variable, or typed twice at a hidden prompt. */
export async function readNewPassphrase(context: CliContext, env: NodeJS.ProcessEnv, variable: string, what: string): Promise<string> {
  const fromEnv = env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!context.promptHidden) throw new CliError(`Set ${variable} or run in a terminal to be asked for the ${what}.`, EXIT.config);
  const first = await context.promptHidden(`New ${what}: `);
  const second = await context.promptHidden(`Repeat the ${what}: `);
  if (first !== second) throw new CliError(`The two ${what}s differ; nothing was changed.`, EXIT.usage);
  return first;
}
