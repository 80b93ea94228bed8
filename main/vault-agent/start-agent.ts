import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AgentPaths } from './agent-paths.ts';

/** How long the agent may take to say it listens. */
const START_TIMEOUT_MS = 10_000;

/** The agent's entry beside this module: the .ts source, or the bundle's countersign-agent.mjs. */
function agentEntry(): string {
  const here = import.meta.url;
  const name = here.endsWith('.ts') ? 'agent-main.ts' : 'countersign-agent.mjs';
  return fileURLToPath(new URL(name, here));
}

/**
 * Starts the agent as a detached process (its own session, no terminal, cwd
 * /) and hands it the data key over a pipe. Resolves once it listens.
 */
export function startAgentProcess(options: { dataDir: string; paths: AgentPaths; dataKey: Buffer; expiresAt: number; wrapping: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [agentEntry()], {
      detached: true,
      cwd: '/',
      // Nothing of the caller's environment (it may hold COUNTERSIGN_PASSPHRASE).
      env: {},
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let said = '';
    let settled = false;
    const timer = setTimeout(() => finish(new Error('The unlock agent did not start in time.')), START_TIMEOUT_MS);
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout.destroy();
      child.unref();
      if (error) {
        child.kill();
        reject(error);
      } else resolve(child.pid ?? 0);
    };
    child.on('error', (error) => finish(new Error(`The unlock agent could not start: ${error.message}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      said += chunk;
      const end = said.indexOf('\n');
      if (end === -1) return;
      const line = said.slice(0, end);
      finish(line === 'ready' ? null : new Error(`The unlock agent could not start: ${line.replace(/^error: /, '')}`));
    });
    child.stdout.on('end', () => {
      if (!said.includes('\n')) finish(new Error('The unlock agent exited before it started.'));
    });
    const message = { dataDir: options.dataDir, dir: options.paths.dir, socket: options.paths.socket, key: options.dataKey.toString('base64'), expiresAt: options.expiresAt, wrapping: options.wrapping };
    child.stdin.end(JSON.stringify(message));
  });
}
