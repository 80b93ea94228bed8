import { ReadStream } from 'node:tty';
import { createConfStoreFactory } from '../platform/conf-store.ts';
import { createBackend } from '../services/backend.ts';
import type { CliContext } from './context.ts';
import { promptHiddenOnTty, readPipedStdin } from './prompt.ts';

/** The real CLI: the same backend browser mode builds, on the process's own terminal. */
export function defaultContext(): CliContext {
  const stdin = process.stdin;
  return {
    openBackend: (dataDir, workspaceDir) =>
      createBackend({
        mode: 'cli',
        dataDir,
        ...(workspaceDir === undefined ? {} : { workspaceDir }),
        stores: createConfStoreFactory(dataDir, (message) => process.stderr.write(`countersign: ${message}\n`)),
        // Messages only: an error object may carry details that belong in no terminal.
        log: (message) => process.stderr.write(`countersign: ${message}\n`),
      }),
    promptHidden: stdin instanceof ReadStream && stdin.isTTY ? (question) => promptHiddenOnTty(question, stdin) : undefined,
    readStdin: () => readPipedStdin(stdin),
  };
}
