import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../main/cli/index.ts', import.meta.url));

export type RunningHost = { url: string; port: number; token: string; stop(): Promise<void> };

/** Starts browser mode as a user would (a separate Node process) and waits for the address it prints. */
export function launchHost(dataDir: string, extraArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<RunningHost> {
  // Downloads and key exports stay inside the test's own directory, never the user's Downloads folder.
  const env = { ...process.env, ...extraEnv, COUNTERSIGN_DOWNLOADS_DIR: join(dataDir, 'downloads') };
  mkdirSync(env.COUNTERSIGN_DOWNLOADS_DIR, { recursive: true });
  const child = spawn(process.execPath, [CLI, 'web', '--data-dir', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`browser mode did not start in time:\n${output}`)), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1]!, port: Number(match[2]), token: match[3]!, stop: () => stopProcess(child) });
    });
    child.once('exit', (code) => fail(new Error(`browser mode exited (${code}) before it was ready:\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
