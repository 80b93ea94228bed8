import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** Starts stream-server.ts in a child Node process; resolves with its port and a stopper. */
export async function startStreamServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const script = fileURLToPath(new URL('./stream-server.ts', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  const [line] = (await once(child.stdout, 'data')) as [string];
  const port = Number.parseInt(line, 10);
  return {
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
