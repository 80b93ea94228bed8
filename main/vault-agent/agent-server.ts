import { chmodSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { agentSocketProblem, ownershipProblem } from './agent-checks.ts';
import type { AgentPaths } from './agent-paths.ts';
import { MAX_LINE_BYTES, parseRequest, type AgentReply } from './agent-protocol.ts';
import { currentKeyWrapping } from './key-wrapping.ts';

export type AgentOptions = {
  dataDir: string;
  paths: AgentPaths;
  /** The vault's data key; zeroed when the agent stops. */
  dataKey: Buffer;
  /** Epoch milliseconds at which the agent stops on its own. */
  expiresAt: number;
  /** keyWrappingDigest of the vault the key was unwrapped from. */
  wrapping: string;
  clock?: () => number;
};

export type RunningAgent = {
  /** Resolves when the agent has stopped (deadline, lock, a changed vault or permissions, close()). */
  stopped: Promise<string>;
  close(reason: string): void;
};

/** A client that does not finish its one line in this time is dropped. */
const CONNECTION_TIMEOUT_MS = 2000;

/** Makes the agent's folder this user's alone, or says why it cannot be used. */
function prepareFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = lstatSync(dir);
  // Our own folder left open (made by hand or by umask): close it. Anyone else's, or a link: refuse below.
  if (stats.isDirectory() && stats.uid === process.getuid?.() && (stats.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  const problem = ownershipProblem(dir, 'folder');
  if (problem !== null) throw new Error(`The unlock agent cannot use its folder: ${problem}.`);
}

/**
 * Serves the data key on a Unix socket only this user can reach, until the
 * deadline, `lock`, or the vault's key wrapping changes. The key lives in
 * this process's memory only.
 */
export function startAgentServer(options: AgentOptions): Promise<RunningAgent> {
  const { paths, dataKey } = options;
  const clock = options.clock ?? Date.now;
  prepareFolder(paths.dir);
  // A socket left by an agent that died without cleaning up (lock refuses to start a second one first).
  rmSync(paths.socket, { force: true });

  let resolveStopped: (reason: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (resolveStopped = resolve));
  let done = false;
  const server = createServer({ allowHalfOpen: false });

  const close = (reason: string): void => {
    if (done) return;
    done = true;
    clearTimeout(deadline);
    dataKey.fill(0);
    server.close();
    rmSync(paths.socket, { force: true });
    resolveStopped(reason);
  };

  const deadline = setTimeout(() => close('deadline'), Math.max(0, options.expiresAt - clock()));

  const answer = async (line: string): Promise<{ reply: AgentReply; stop: string | null }> => {
    // Checked at every connection: a folder or socket opened to others since the start ends the agent.
    const problem = agentSocketProblem(paths);
    if (problem !== null) return { reply: { ok: false, reason: `The unlock agent stopped: ${problem}.` }, stop: 'permissions changed' };
    // Timers stop while the machine sleeps: the wall clock decides too, so a resumed laptop's agent does not outlive its deadline.
    if (clock() >= options.expiresAt) return { reply: { ok: false, reason: 'The unlock agent\'s time is up; it stopped.' }, stop: 'deadline' };
    const request = parseRequest(line);
    if (!request) return { reply: { ok: false, reason: 'Not an unlock agent request.' }, stop: null };
    const alive = { ok: true as const, expiresAt: options.expiresAt, pid: process.pid };
    if (request.op === 'lock') return { reply: alive, stop: 'locked' };
    if (request.op === 'status') return { reply: alive, stop: null };
    if ((await currentKeyWrapping(options.dataDir)) !== options.wrapping) {
      const reason = 'The vault\'s passphrase or key changed (or the vault is gone) since "vault unlock --for" started the agent; it stopped. Unlock again.';
      return { reply: { ok: false, reason }, stop: 'vault changed' };
    }
    return { reply: { ...alive, key: dataKey.toString('base64') }, stop: null };
  };

  const serve = (socket: Socket): void => {
    socket.setTimeout(CONNECTION_TIMEOUT_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end === -1) {
        if (buffered.length > MAX_LINE_BYTES) socket.destroy();
        return;
      }
      socket.removeAllListeners('data');
      void answer(buffered.slice(0, end)).then(({ reply, stop }) => {
        socket.end(`${JSON.stringify(reply)}\n`, () => {
          if (stop !== null) close(stop);
        });
      });
    });
  };

  server.on('connection', serve);
  return new Promise((resolve, reject) => {
    // Created 0600 from the start: no moment where another user could connect.
    const previous = process.umask(0o177);
    server.once('error', (error) => {
      process.umask(previous);
      close('failed');
      reject(error);
    });
    server.listen(paths.socket, () => {
      process.umask(previous);
      chmodSync(paths.socket, 0o600);
      resolve({ stopped, close });
    });
  });
}
