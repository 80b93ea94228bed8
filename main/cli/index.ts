/**
 * The countersign CLI: a third door to the same services as the app, with no
 * logic of its own. `countersign <command> --help` explains each command.
 */
import { fileURLToPath } from 'node:url';
import { closeConnectionPoolsIfOpen } from '../http/pool-lifetime.ts';
import { APP_VERSION } from '../platform/version.ts';
import type { CliContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { CliError, processIo, type CliIo } from './io.ts';
import { COMMANDS } from './registry.ts';
import { takeWorkspaceOption, withWorkspace } from './workspace-option.ts';

// bin/countersign.mjs takes both from one module, the bundle's entry or this file.
export { processIo };

export function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return `Countersign ${APP_VERSION}: a workbench for payment-gateway APIs.

Usage: countersign <command> [options]

Commands:
${lines.join('\n')}

Every command takes --workspace DIR: a workspace folder (one made by
"countersign workspace init") instead of the workspace in use. The
environment variable COUNTERSIGN_WORKSPACE does the same.

Run "countersign <command> --help" for a command's options and examples.
`;
}

/** Runs one command line. `context` is for tests; the real CLI builds the same backend as browser mode. */
export async function runCli(argvWithOptions: string[], io: CliIo, context?: CliContext): Promise<number> {
  let argv: string[];
  let workspaceDir: string | undefined;
  try {
    ({ argv, workspaceDir } = takeWorkspaceOption(argvWithOptions, io.env));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`countersign: ${error.message}\n`);
    return error.exitCode;
  }
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.err(`countersign: unknown command "${name}". Run "countersign --help" for the list.\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io, withWorkspace(context ?? (await import('./default-context.ts')).defaultContext(), workspaceDir, name));
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`countersign ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`countersign ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  } finally {
    // Idle keep-alive connections would otherwise hold the process open after the command.
    await closeConnectionPoolsIfOpen();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `countersign run ... | head` closes stdout early: that is the reader's choice, not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`countersign: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
