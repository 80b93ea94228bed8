import type { Backend } from '../services/backend.ts';

/**
 * What a command needs beyond its arguments and streams. The real CLI builds
 * the same backend as browser mode; tests pass a cheaper one (fast key
 * derivation) or scripted prompts.
 */
export type CliContext = {
  /** `workspaceDir`: the global --workspace folder, when one was given. */
  openBackend(dataDir: string, workspaceDir?: string): Backend;
  /** The global --workspace folder, for commands that start their own backend (web). */
  workspaceDir?: string | undefined;
  /** Reads a line without echo; absent when there is no terminal to ask on. */
  promptHidden?: ((question: string) => Promise<string>) | undefined;
  /** Everything piped into stdin, or null when stdin is a terminal. */
  readStdin(): Promise<string | null>;
};
