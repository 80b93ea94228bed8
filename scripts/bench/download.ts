// Benchmark: a 1 GiB file from a static loopback server (nginx when installed,
// else a small Node static server), saved by the executor and by `curl -o`,
// alternating runs, over plain HTTP and over HTTPS (a CA and a server
// certificate made with openssl at run time; curl trusts it with --cacert,
// the executor through its TLS settings). Over HTTP the executor runs twice
// per round: with every request on undici and with the default routing (a
// plain-http GET save goes over the direct socket reader). Each executor run
// is paired with a curl run right next to it (see main()). Prints throughput
// of each, the ratios to curl (median of the pairs' ratios, and the ratio of
// the medians), CPU time per GiB of both sides, peak RSS, and a final SUMMARY line.
// Run: node scripts/bench/download.ts [sizeMiB] [rounds]
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultExecutorDeps, executeRequest } from '../../main/http/executor.ts';

const run = promisify(execFile);
const MiB = 1024 * 1024;

type Who = 'undici' | 'direct' | 'curl' | 'https' | 'curl-https';
type Child = 'undici' | 'direct' | 'https';

async function childMain(url: string, dir: string, who: Child, caPath: string | undefined): Promise<void> {
  const ca = caPath === undefined ? undefined : await readFile(caPath, 'utf8');
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // A save to a folder, as the UI's "Save response" does.
  const result = await executeRequest(
    { method: 'GET', url, headers: [] },
    { save: { directory: dir }, proxy: { mode: 'none' }, ...(ca === undefined ? {} : { tls: { ca } }) },
    // 'undici' forces every request onto undici; 'direct' and 'https' take the default routing (the direct reader).
    { ...defaultExecutorDeps(), directSaves: who !== 'undici' },
  );
  const seconds = (performance.now() - started) / 1000;
  // Every thread of the process: the main thread and the writer thread.
  const used = process.cpuUsage(cpuBefore);
  if (!result.ok) throw new Error(result.error.message);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const cpu = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ seconds, cpu, bytes: result.response.bytes, path: result.response.saved?.path, rssBefore, maxRss }));
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

interface Tls {
  caPath: string;
  certPath: string;
  keyPath: string;
}

/** A CA and a server certificate for 127.0.0.1 signed by it, made with openssl for this run only. */
async function makeCertificates(work: string): Promise<Tls> {
  const caKey = join(work, 'ca.key');
  const caPath = join(work, 'ca.crt');
  const keyPath = join(work, 'server.key');
  const csr = join(work, 'server.csr');
  const certPath = join(work, 'server.crt');
  const ext = join(work, 'server.ext');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', caPath, '-days', '1', '-subj', '/CN=Countersign bench CA']);
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', csr, '-subj', '/CN=127.0.0.1']);
  await writeFile(ext, 'subjectAltName=IP:127.0.0.1\n');
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', caPath, '-CAkey', caKey, '-CAcreateserial', '-out', certPath, '-days', '1', '-extfile', ext]);
  return { caPath, certPath, keyPath };
}

interface Server {
  port: number;
  tlsPort: number;
  stop: () => Promise<void>;
  kind: string;
}

async function startNginx(root: string, work: string, tls: Tls): Promise<Server> {
  const port = await freePort();
  const tlsPort = await freePort();
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
  server {
    listen 127.0.0.1:${tlsPort} ssl;
    ssl_certificate ${tls.certPath};
    ssl_certificate_key ${tls.keyPath};
    root ${root};
  }
}
`,
  );
  const child = spawn('nginx', ['-p', work, '-c', conf], { stdio: 'ignore' });
  await waitForPort(port);
  return { port, tlsPort, stop: () => stopChild(child), kind: 'nginx (sendfile; OpenSSL defaults over TLS)' };
}

async function startNodeStatic(root: string, tls: Tls): Promise<Server> {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const file = join(root, (req.url ?? '/').replace(/[^a-z0-9.]/gi, ''));
    stat(file).then(
      (info) => {
        res.writeHead(200, { 'content-length': String(info.size) });
        createReadStream(file, { highWaterMark: MiB }).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  };
  const server = createServer(handler);
  const secure = createHttpsServer({ cert: await readFile(tls.certPath), key: await readFile(tls.keyPath) }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    tlsPort: (secure.address() as AddressInfo).port,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => secure.close(() => resolve()));
    },
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

interface Run {
  seconds: number;
  /** CPU time (user + system) of the whole client process. */
  cpu: number;
  rssGrowth: number;
  maxRss: number;
}

async function runExecutor(url: string, dir: string, who: Child, caPath?: string): Promise<Run> {
  const args = [fileURLToPath(import.meta.url), '--child', url, dir, who, ...(caPath === undefined ? [] : [caPath])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: MiB });
  const out = JSON.parse(stdout) as { seconds: number; cpu: number; path: string; rssBefore: number; maxRss: number };
  await rm(out.path, { force: true });
  return { seconds: out.seconds, cpu: out.cpu, rssGrowth: out.maxRss - out.rssBefore, maxRss: out.maxRss };
}

async function runCurl(url: string, dir: string, caPath?: string): Promise<Run> {
  const out = join(dir, 'curl.bin');
  const trust = caPath === undefined ? [] : ['--cacert', caPath];
  // The shell's `times` prints its children's CPU time (curl's) after curl's own time_total.
  const { stdout } = await run('sh', ['-c', 'curl "$@" && times', 'sh', '-s', ...trust, '-o', out, '-w', '%{time_total}\n', url]);
  await rm(out, { force: true });
  const lines = stdout.trim().split('\n');
  const children = /([\d.]+)m([\d.]+)s\s+([\d.]+)m([\d.]+)s/.exec(lines.at(-1) ?? '');
  const cpu = children ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]) : Number.NaN;
  return { seconds: Number(lines[0]), cpu, rssGrowth: 0, maxRss: 0 };
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
    const tls = await makeCertificates(work);
    const server = (await hasCommand('nginx')) ? await startNginx(root, work, tls) : await startNodeStatic(root, tls);
    const url = `http://127.0.0.1:${server.port}/data.bin`;
    const tlsUrl = `https://127.0.0.1:${server.tlsPort}/data.bin`;
    console.log(`server: ${server.kind}; body ${sizeMiB} MiB; ${rounds} alternating rounds; load average ${load()}`);
    const all: Who[] = ['undici', 'direct', 'curl', 'https', 'curl-https'];
    const runs = Object.fromEntries(all.map((w) => [w, [] as Run[]])) as Record<Who, Run[]>;
    // Each executor run is paired with the curl run next to it, the order inside a pair alternating
    // by round, and the pairs' order rotating: a load change on this shared machine then hits both
    // sides of a pair alike, and the median of the pairs' ratios is not moved by a slow round.
    const pairs: Who[][] = [['direct', 'curl'], ['https', 'curl-https'], ['undici']];
    const runOne = async (who: Who): Promise<void> => {
      if (who === 'curl') runs.curl.push(await runCurl(url, out));
      else if (who === 'curl-https') runs['curl-https'].push(await runCurl(tlsUrl, out, tls.caPath));
      else runs[who].push(who === 'https' ? await runExecutor(tlsUrl, out, who, tls.caPath) : await runExecutor(url, out, who));
    };
    try {
      for (let round = 0; round < rounds; round += 1) {
        for (let p = 0; p < pairs.length; p += 1) {
          const pair = pairs[(p + round) % pairs.length] ?? [];
          for (const who of round % 2 === 0 ? pair : [...pair].reverse()) await runOne(who);
        }
        const rate = (who: Who): string => (sizeMiB / (runs[who].at(-1)?.seconds ?? 1)).toFixed(0);
        console.log(
          `round ${round + 1}: http undici ${rate('undici')} MiB/s, http direct ${rate('direct')} MiB/s, curl ${rate('curl')} MiB/s; ` +
            `https executor ${rate('https')} MiB/s, curl https ${rate('curl-https')} MiB/s; load ${load()}`,
        );
      }
    } finally {
      await server.stop();
    }
    const secondsOf = (who: Who): number[] => runs[who].map((r) => r.seconds);
    const rateOf = (who: Who): number => sizeMiB / median(secondsOf(who));
    /** Median over rounds of curl's time / the executor's time in the same round's pair. */
    const pairRatio = (who: Who, curl: Who): number => median(runs[who].map((r, i) => (runs[curl][i]?.seconds ?? Number.NaN) / r.seconds));
    const cpuPerGiB = (who: Who): string => ((median(runs[who].map((r) => r.cpu)) * 1024) / sizeMiB).toFixed(2);
    const growth = (who: Who): number => Math.max(...runs[who].map((r) => r.rssGrowth));
    const peak = (who: Who): number => Math.max(...runs[who].map((r) => r.maxRss));
    for (const curl of ['curl', 'curl-https'] as const) {
      console.log(
        `median ${curl === 'curl' ? 'curl -o (http)' : 'curl -o (https)'}: ${rateOf(curl).toFixed(0)} MiB/s (${median(secondsOf(curl)).toFixed(3)} s); ` +
          `CPU ${cpuPerGiB(curl)} s per GiB`,
      );
    }
    const lines: [Child, Who, string][] = [
      ['undici', 'curl', 'http, all on undici'],
      ['direct', 'curl', 'http, default routing (direct reader)'],
      ['https', 'curl-https', 'https, default routing (direct reader over TLS)'],
    ];
    for (const [who, curl, label] of lines) {
      console.log(
        `median executor (${label}): ${rateOf(who).toFixed(0)} MiB/s (${median(secondsOf(who)).toFixed(3)} s); ` +
          `ratio to curl: median of pairs ${pairRatio(who, curl).toFixed(3)}, of medians ${(rateOf(who) / rateOf(curl)).toFixed(3)}; ` +
          `CPU ${cpuPerGiB(who)} s per GiB (all threads); peak RSS ${(peak(who) / MiB).toFixed(1)} MiB, growth ${(growth(who) / MiB).toFixed(1)} MiB (target <= 64)`,
      );
    }
    // The machine may be shared: figures mean little without the load they were taken under.
    console.log(`load average at the end: ${load()}`);
    const mib = (bytes: number): string => (bytes / MiB).toFixed(0);
    console.log(
      `SUMMARY download ${sizeMiB} MiB: https ${pairRatio('https', 'curl-https').toFixed(2)}x curl -o (target >= 0.9), RSS growth ${mib(growth('https'))} MiB (target <= 64); ` +
        `http ${pairRatio('direct', 'curl').toFixed(2)}x curl -o (target >= 1), RSS growth ${mib(growth('direct'))} MiB; http on undici only ${pairRatio('undici', 'curl').toFixed(2)}x; ` +
        `CPU s/GiB https ${cpuPerGiB('https')} vs curl ${cpuPerGiB('curl-https')}`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const who = process.argv[5] === 'direct' || process.argv[5] === 'https' ? process.argv[5] : 'undici';
  await childMain(process.argv[3] ?? '', process.argv[4] ?? '', who, process.argv[6]);
} else {
  await main();
}
