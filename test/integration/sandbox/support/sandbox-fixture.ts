/** Starts a sandbox with a fixed clock for one test file. */
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../main/sandbox/index.ts';

/** 2026-01-15T00:00:00Z: the fixed "now" of the sandbox under test. */
export const FIXED_NOW_MS = Date.UTC(2026, 0, 15);
export const FIXED_NOW_SECONDS = String(FIXED_NOW_MS / 1000);

export function useSandbox(options: SandboxOptions = {}): { current: () => RunningSandbox } {
  let sandbox: RunningSandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ clock: () => FIXED_NOW_MS, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return {
    current: () => {
      if (!sandbox) throw new Error('the sandbox has not started');
      return sandbox;
    },
  };
}
