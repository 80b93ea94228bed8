import { spawn } from 'node:child_process';
import type { ProcessEnvironment } from './env-provider.ts';

export type ToolResult = { code: number | null; stdout: string; stderr: string; missing: boolean; timedOut: boolean };

/**
 * Runs a tool with no stdin and collects its output in memory only (pass
 * prints the secret on stdout; it never touches a file here). `missing` is
 * true when the tool is not on PATH.
 */
export function runTool(command: string, args: readonly string[], env: ProcessEnvironment, timeoutMs: number): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // EACCES: what PATH finds under that name is not runnable (a folder, a file without x), which is no tool either.
      resolve({ code: null, stdout: '', stderr: error.message, missing: error.code === 'ENOENT' || error.code === 'EACCES', timedOut: false });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), missing: false, timedOut });
    });
  });
}
