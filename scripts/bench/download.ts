// Benchmark: a 1 GiB file from a static loopback server (nginx when installed,
// else a small Node static server), saved by the executor and by `curl -o`,
// alternating runs. The executor runs twice per round: with every request on
// undici (the path before main/http/direct) and with the default routing (a
// plain-http GET save goes over the direct socket reader). Prints throughput
// of each, the ratios to curl and peak RSS.
// Run: node scripts/bench/download.ts [sizeMiB] [rounds]
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultExecutorDeps, executeRequest } from '../../main/http/executor.ts';

const run = promisify(execFile);
const MiB = 1024 * 1024;

type Who = 'undici' | 'direct' | 'curl';

async function childMain(url: string, dir: string, who: Who): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  // A save to a folder, as the UI's "Save response" does.
  const result = await executeRequest(
    { method: 'GET', url, headers: [] },
    { save: { directory: dir }, proxy: { mode: 'none' } },
    { ...defaultExecutorDeps(), directSaves: who === 'direct' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(result.error.message);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ seconds, bytes: result.response.bytes, path: result.response.saved?.path, rssBefore, maxRss }));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function hasCommand(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

async function startNginx(root: string, work: string): Promise<{ port: number; stop: () => Promise<void>; kind: string }> {
  const port = await freePort();
  const conf = join(work, 'nginx.conf');
  const asRoot = process.getuid?.() === 0;
  await writeFile(
    conf,
    `${asRoot ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  default_type application/octet-stream;
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  const child = spawn('nginx', ['-p', work, '-c', conf], { stdio: 'ignore' });
  await waitForPort(port);
  return { port, stop: () => stopChild(child), kind: 'nginx (sendfile)' };
}

async function startNodeStatic(root: string): Promise<{ port: number; stop: () => Promise<void>; kind: string }> {
  const server = createServer((req, res) => {
    const file = join(root, (req.url ?? '/').replace(/[^a-z0-9.]/gi, ''));
    stat(file).then(
      (info) => {
        res.writeHead(200, { 'content-length': String(info.size) });
        createReadStream(file, { highWaterMark: MiB }).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    kind: 'node static server (in the benchmark process)',
  };
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      await run('curl', ['-s', '-o', '/dev/null', `http://127.0.0.1:${port}/`]);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error('static server did not start');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGQUIT');
  await exited;
}

async function makeFile(path: string, bytes: number): Promise<void> {
  const block = Buffer.alloc(MiB);
  for (let i = 0; i < block.length; i += 1) block[i] = (i * 2654435761) >>> 24;
  const handle = await open(path, 'w');
  for (let written = 0; written < bytes; written += MiB) await handle.write(block, 0, Math.min(MiB, bytes - written));
  await handle.close();
}

async function runExecutor(url: string, dir: string, who: Who): Promise<{ seconds: number; rssGrowth: number; maxRss: number }> {
  const { stdout } = await run(process.execPath, [fileURLToPath(import.meta.url), '--child', url, dir, who], { maxBuffer: MiB });
  const out = JSON.parse(stdout) as { seconds: number; path: string; rssBefore: number; maxRss: number };
  await rm(out.path, { force: true });
  return { seconds: out.seconds, rssGrowth: out.maxRss - out.rssBefore, maxRss: out.maxRss };
}

async function runCurl(url: string, dir: string): Promise<number> {
  const out = join(dir, 'curl.bin');
  const { stdout } = await run('curl', ['-s', '-o', out, '-w', '%{time_total}', url]);
  await rm(out, { force: true });
  return Number(stdout);
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const sizeMiB = Number(process.argv[2] ?? '1024');
  const rounds = Number(process.argv[3] ?? '5');
  const work = await mkdtemp(join(tmpdir(), 'countersign-bench-'));
  const root = join(work, 'www');
  const out = join(work, 'out');
  try {
    await mkdir(root);
    await mkdir(out);
    // nginx workers may run as another user: let them read the file.
    await chmod(work, 0o755);
    await chmod(root, 0o755);
    await makeFile(join(root, 'data.bin'), sizeMiB * MiB);
    const server = (await hasCommand('nginx')) ? await startNginx(root, work) : await startNodeStatic(root);
    const url = `http://127.0.0.1:${server.port}/data.bin`;
    console.log(`server: ${server.kind}; body ${sizeMiB} MiB; ${rounds} alternating rounds; load average ${load()}`);
    const seconds: Record<Who, number[]> = { undici: [], direct: [], curl: [] };
    const growth: Record<Who, number> = { undici: 0, direct: 0, curl: 0 };
    const peak: Record<Who, number> = { undici: 0, direct: 0, curl: 0 };
    const orders: Who[][] = [
      ['undici', 'direct', 'curl'],
      ['direct', 'curl', 'undici'],
      ['curl', 'undici', 'direct'],
    ];
    try {
      for (let round = 0; round < rounds; round += 1) {
        // Rotate the order so caches and load drifts favour none of them.
        for (const who of orders[round % orders.length] ?? []) {
          if (who === 'curl') {
            seconds.curl.push(await runCurl(url, out));
          } else {
            const r = await runExecutor(url, out, who);
            seconds[who].push(r.seconds);
            growth[who] = Math.max(growth[who], r.rssGrowth);
            peak[who] = Math.max(peak[who], r.maxRss);
          }
        }
        const rate = (who: Who): string => (sizeMiB / (seconds[who].at(-1) ?? 1)).toFixed(0);
        console.log(`round ${round + 1}: undici ${rate('undici')} MiB/s, direct ${rate('direct')} MiB/s, curl ${rate('curl')} MiB/s; load ${load()}`);
      }
    } finally {
      await server.stop();
    }
    const curlRate = sizeMiB / median(seconds.curl);
    console.log(`median curl -o: ${curlRate.toFixed(0)} MiB/s (${median(seconds.curl).toFixed(3)} s)`);
    for (const who of ['undici', 'direct'] as const) {
      const rate = sizeMiB / median(seconds[who]);
      console.log(
        `median executor (${who}): ${rate.toFixed(0)} MiB/s (${median(seconds[who]).toFixed(3)} s); ratio to curl ${(rate / curlRate).toFixed(3)} (target >= 0.95); ` +
          `peak RSS ${(peak[who] / MiB).toFixed(1)} MiB, growth ${(growth[who] / MiB).toFixed(1)} MiB (target <= 64)`,
      );
    }
    // The machine may be shared: figures mean little without the load they were taken under.
    console.log(`load average at the end: ${load()}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await childMain(process.argv[3] ?? '', process.argv[4] ?? '', process.argv[5] === 'direct' ? 'direct' : 'undici');
} else {
  await main();
}
