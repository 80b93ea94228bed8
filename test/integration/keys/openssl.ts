import { execFile } from 'node:child_process';

export const OPENSSL = '/usr/bin/openssl';

export type RunResult = { code: number; stdout: Buffer; stderr: string };

/** Runs a command without a shell; passphrases go through the environment, never argv. */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'buffer', env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr.toString('utf8') });
    });
  });
}

export const openssl = (args: string[], env?: Record<string, string>): Promise<RunResult> => run(OPENSSL, args, env);
