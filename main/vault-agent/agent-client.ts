import { lstatSync } from 'node:fs';
import { connect } from 'node:net';
import { agentSocketProblem } from './agent-checks.ts';
import type { AgentPaths } from './agent-paths.ts';
import { MAX_LINE_BYTES, parseReply, type AgentReply, type AgentRequest } from './agent-protocol.ts';

/** An agent exists but may not be used (open permissions, a changed vault): the message says why. */
export class AgentRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentRefusedError';
  }
}

const REPLY_TIMEOUT_MS = 2000;

function socketExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks this data directory's agent one question. Null when no agent runs
 * (no socket, or a stale one nobody listens on). The socket and its folder
 * are checked first: one another user could reach is never used.
 */
export function askAgent(paths: AgentPaths, request: AgentRequest): Promise<AgentReply | null> {
  if (!socketExists(paths.socket)) return Promise.resolve(null);
  const problem = agentSocketProblem(paths);
  if (problem !== null) return Promise.reject(new AgentRefusedError(`The unlock agent's socket is not used: ${problem}.`));
  return new Promise((resolve, reject) => {
    const socket = connect(paths.socket);
    let buffered = '';
    let settled = false;
    const settle = (outcome: AgentReply | null | Error): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    socket.setTimeout(REPLY_TIMEOUT_MS, () => settle(new AgentRefusedError('The unlock agent did not answer.')));
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_LINE_BYTES * 4) settle(new AgentRefusedError('The unlock agent answered something unexpected.'));
    });
    socket.on('end', () => {
      const reply = parseReply(buffered.trim());
      settle(reply ?? new AgentRefusedError('The unlock agent answered something unexpected.'));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Nobody listens: an agent that was killed without removing its socket.
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') settle(null);
      else settle(new AgentRefusedError(`The unlock agent could not be reached: ${error.message}`));
    });
  });
}

/** The data key from the agent, or null when none runs; AgentRefusedError when it refuses or may not be used. */
export async function dataKeyFromAgent(paths: AgentPaths): Promise<Buffer | null> {
  const reply = await askAgent(paths, { op: 'key' });
  if (reply === null) return null;
  if (!reply.ok) throw new AgentRefusedError(reply.reason);
  if (reply.key === undefined) throw new AgentRefusedError('The unlock agent answered without a key.');
  return Buffer.from(reply.key, 'base64');
}
