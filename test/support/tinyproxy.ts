import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Debian's tinyproxy on a free loopback port, with a config written here: the proxy a corporate network would put in the way. */
export type RunningProxy = {
  url: string;
  port: number;
  /** The proxy's log so far (one line per connection, CONNECT target included). */
  log: () => Promise<string>;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`tinyproxy exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await delay(50);
  }
  throw new Error(`tinyproxy did not listen on ${port} within ${deadlineMs} ms`);
}

/** Starts tinyproxy allowing CONNECT only to `connectPorts` (the sandbox's); `dir` holds its config and log. With basicAuth it answers 407 without those credentials. */
export async function startTinyproxy(dir: string, connectPorts: readonly number[], basicAuth?: { user: string; password: string }): Promise<RunningProxy> {
  const port = await freePort();
  const logFile = join(dir, `tinyproxy-${port}.log`);
  const config = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 60',
    `LogFile "${logFile}"`,
    'LogLevel Info',
    'MaxClients 50',
    'Allow 127.0.0.1',
    ...connectPorts.map((connectPort) => `ConnectPort ${connectPort}`),
    ...(basicAuth ? [`BasicAuth ${basicAuth.user} ${basicAuth.password}`] : []),
    '',
  ].join('\n');
  const configFile = join(dir, `tinyproxy-${port}.conf`);
  await writeFile(configFile, config);
  await writeFile(logFile, '');
  const child = spawn('tinyproxy', ['-d', '-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    await waitForPort(port, child, 10_000);
  } catch (error) {
    child.kill();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; stderr: ${stderr}`, { cause: error });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log: () => readFile(logFile, 'utf8'),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
