import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Unix sockets carry their path in a 108-byte field (104 on macOS); longer paths fail to bind. */
const MAX_SOCKET_PATH = 100;

export type AgentPaths = { dir: string; socket: string };

/**
 * Where the unlock agent of one data directory listens: in
 * $XDG_RUNTIME_DIR/countersign (a per-user tmpfs that ends with the login
 * session) when there is one, else in the data directory's `agent` folder.
 * Both folders are made 0700; the socket itself is 0600.
 */
export function agentPaths(dataDir: string, env: NodeJS.ProcessEnv): AgentPaths {
  // One agent per data directory: the name is a digest, so any data directory path fits.
  const tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const runtime = env.XDG_RUNTIME_DIR;
  const dir = runtime !== undefined && runtime.startsWith('/') ? join(runtime, 'countersign') : join(dataDir, 'agent');
  const socket = join(dir, `agent-${tag}.sock`);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    throw new Error(`The unlock agent's socket path would be too long for a Unix socket (${socket}); set XDG_RUNTIME_DIR to a short folder.`);
  }
  return { dir, socket };
}
