/**
 * The unlock agent's process, started detached by `countersign vault unlock
 * --for`. Its start-up message (the data key among it) arrives on stdin, never
 * in argv, the environment or a file; it answers "ready" or the reason it
 * could not start on stdout, then closes stdout and serves until it stops.
 */
import { startAgentServer } from './agent-server.ts';

type StartMessage = { dataDir: string; dir: string; socket: string; key: string; expiresAt: number; wrapping: string };

function parseStart(text: string): StartMessage {
  const value = JSON.parse(text) as Partial<Record<keyof StartMessage, unknown>>;
  const { dataDir, dir, socket, key, expiresAt, wrapping } = value;
  if (typeof dataDir !== 'string' || typeof dir !== 'string' || typeof socket !== 'string' || typeof key !== 'string' || typeof expiresAt !== 'number' || typeof wrapping !== 'string') {
    throw new Error('the start-up message is incomplete');
  }
  return { dataDir, dir, socket, key, expiresAt, wrapping };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  // The terminal that started it may close; the agent lives on until its deadline.
  process.on('SIGHUP', () => undefined);
  let start: StartMessage;
  try {
    start = parseStart(await readStdin());
  } catch (error) {
    process.stdout.end(`error: ${error instanceof Error ? error.message : 'unreadable start-up message'}\n`);
    process.exitCode = 1;
    return;
  }
  const dataKey = Buffer.from(start.key, 'base64');
  try {
    const agent = await startAgentServer({ dataDir: start.dataDir, paths: { dir: start.dir, socket: start.socket }, dataKey, expiresAt: start.expiresAt, wrapping: start.wrapping });
    process.on('SIGTERM', () => agent.close('terminated'));
    process.on('SIGINT', () => agent.close('interrupted'));
    process.stdout.end('ready\n');
    await agent.stopped;
  } catch (error) {
    dataKey.fill(0);
    process.stdout.end(`error: ${error instanceof Error ? error.message : 'could not start'}\n`);
    process.exitCode = 1;
  }
}

await main();
