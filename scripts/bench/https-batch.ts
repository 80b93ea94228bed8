// Benchmark: the same batch of small requests sent by the executor over plain
// HTTP and over HTTPS (a CA and a server certificate made with openssl for
// this run), at concurrency 1 and 8. The servers run in a child process and
// count the TCP connections and TLS handshakes they accept, so the figures
// show whether the connection pool is reused. On a shared machine one long run
// per scheme measures mostly what the neighbours did meanwhile, so the batch is
// cut into short slices sent in http/https pairs (order alternating), and the
// ratio is the median over the pairs. Also prints the CPU time per request of
// the client and of the server. Prints requests per second, the HTTPS/HTTP
// ratio (target >= 0.8) and a final SUMMARY line.
// Run: node scripts/bench/https-batch.ts [requests per slice] [pairs of slices]
import { execFile, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { closeConnectionPools } from '../../main/http/connection-pool.ts';
import { defaultExecutorDeps, executeRequest } from '../../main/http/executor.ts';
import type { ExecuteOptions } from '../../main/http/options.ts';

const run = promisify(execFile);

interface Counts {
  tcp: number;
  tls: number;
  resumed: number;
}
type ServerMessage = { ports: { http: number; https: number } } | { counts: { http: Counts; https: Counts } } | { cpuMs: number };

/** The child: an HTTP and an HTTPS server answering a small JSON body, counting connections. */
async function serve(certPath: string, keyPath: string): Promise<void> {
  const body = JSON.stringify({ status: 'approved', transaction: 'T-000123', amount: '10.00', currency: 'EUR' });
  const handler: RequestListener = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  };
  const counts = { http: { tcp: 0, tls: 0, resumed: 0 }, https: { tcp: 0, tls: 0, resumed: 0 } };
  const plain = createServer(handler);
  const secure = createHttpsServer({ cert: await readFile(certPath), key: await readFile(keyPath) }, handler);
  plain.on('connection', () => (counts.http.tcp += 1));
  secure.on('connection', () => (counts.https.tcp += 1));
  secure.on('secureConnection', (socket: TLSSocket) => {
    counts.https.tls += 1;
    if (socket.isSessionReused()) counts.https.resumed += 1;
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
  const send = (message: ServerMessage): void => {
    process.send?.(message);
  };
  send({ ports: { http: (plain.address() as AddressInfo).port, https: (secure.address() as AddressInfo).port } });
  process.on('message', (message: unknown) => {
    if (message === 'counts') {
      send({ counts: structuredClone(counts) });
      for (const c of [counts.http, counts.https]) c.tcp = c.tls = c.resumed = 0;
    } else if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ cpuMs: (user + system) / 1000 });
    } else if (message === 'stop') {
      process.exit(0);
    }
  });
}

async function makeCertificates(work: string): Promise<{ caPath: string; certPath: string; keyPath: string }> {
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

function nextMessage(child: ChildProcess): Promise<ServerMessage> {
  return new Promise((resolve) => child.once('message', (message) => resolve(message as ServerMessage)));
}

interface Slice {
  /** Requests per second. */
  rate: number;
  /** CPU time per request, in µs: this (client) process, and the server's. */
  clientCpu: number;
  serverCpu: number;
}

/** Sends `total` GETs through the executor, `concurrency` at a time. */
async function batch(url: string, total: number, concurrency: number, options: ExecuteOptions, server?: ChildProcess): Promise<Slice> {
  const deps = defaultExecutorDeps();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      const outcome = await executeRequest({ method: 'GET', url, headers: [['accept', 'application/json']] }, options, deps);
      if (!outcome.ok) throw new Error(outcome.error.message);
    }
  };
  const serverBefore = server ? await serverCpuMs(server) : 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const serverMs = server ? (await serverCpuMs(server)) - serverBefore : 0;
  return { rate: total / seconds, clientCpu: (cpu.user + cpu.system) / total, serverCpu: (serverMs * 1000) / total };
}

async function serverCpuMs(server: ChildProcess): Promise<number> {
  server.send('cpu');
  const message = await nextMessage(server);
  return 'cpuMs' in message ? message.cpuMs : 0;
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
  const perSlice = Number(process.argv[2] ?? '250');
  const pairs = Number(process.argv[3] ?? '32');
  const work = await mkdtemp(join(tmpdir(), 'countersign-https-batch-'));
  const tls = await makeCertificates(work);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', tls.certPath, tls.keyPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const first = await nextMessage(child);
    if (!('ports' in first)) throw new Error('the server did not start');
    const httpUrl = `http://127.0.0.1:${first.ports.http}/payments/T-000123`;
    const httpsUrl = `https://127.0.0.1:${first.ports.https}/payments/T-000123`;
    const options = { proxy: { mode: 'none' }, tls: { ca: await readFile(tls.caPath, 'utf8') } } as const;
    console.log(`${perSlice} GETs per slice, ${pairs} http/https pairs of slices per concurrency, servers in a child process; load average ${load()}`);
    // Warm-up: module loading, JIT, the first handshake.
    await batch(httpUrl, 200, 1, options);
    await batch(httpsUrl, 200, 1, options);
    child.send('counts');
    await nextMessage(child);
    const results: Record<string, Slice[]> = {};
    const ratios: Record<number, number[]> = { 1: [], 8: [] };
    for (let pair = 0; pair < pairs; pair += 1) {
      for (const concurrency of [1, 8]) {
        const order = pair % 2 === 0 ? (['http', 'https'] as const) : (['https', 'http'] as const);
        const slice: Partial<Record<'http' | 'https', Slice>> = {};
        for (const scheme of order) {
          slice[scheme] = await batch(scheme === 'http' ? httpUrl : httpsUrl, perSlice, concurrency, options, child);
          (results[`${scheme}@${concurrency}`] ??= []).push(slice[scheme]);
        }
        ratios[concurrency]?.push((slice.https?.rate ?? 0) / (slice.http?.rate ?? 1));
      }
      if ((pair + 1) % 8 === 0 || pair === pairs - 1) {
        const last = (key: string): string => median((results[key] ?? []).slice(-8).map((r) => r.rate)).toFixed(0);
        console.log(`pairs up to ${pair + 1}, last 8: c=1 http ${last('http@1')} req/s, https ${last('https@1')} req/s; c=8 http ${last('http@8')} req/s, https ${last('https@8')} req/s; load ${load()}`);
      }
    }
    child.send('counts');
    const counted = await nextMessage(child);
    const connections = 'counts' in counted ? counted.counts : null;
    const m = (key: string, field: keyof Slice): number => median((results[key] ?? []).map((r) => r[field]));
    const ratioAt = (c: number): number => median(ratios[c] ?? []);
    for (const c of [1, 8]) {
      console.log(
        `median c=${c}: http ${m(`http@${c}`, 'rate').toFixed(0)} req/s, https ${m(`https@${c}`, 'rate').toFixed(0)} req/s; ` +
          `https/http: median of pairs ${ratioAt(c).toFixed(3)}, of medians ${(m(`https@${c}`, 'rate') / m(`http@${c}`, 'rate')).toFixed(3)} (target >= 0.8); ` +
          `CPU per request client + server: http ${m(`http@${c}`, 'clientCpu').toFixed(0)} + ${m(`http@${c}`, 'serverCpu').toFixed(0)} µs, ` +
          `https ${m(`https@${c}`, 'clientCpu').toFixed(0)} + ${m(`https@${c}`, 'serverCpu').toFixed(0)} µs`,
      );
    }
    const httpsRequests = 2 * pairs * perSlice;
    if (connections) {
      console.log(
        `connections opened after the warm-up (${httpsRequests} requests per scheme): http ${connections.http.tcp} TCP; https ${connections.https.tcp} TCP, ` +
          `${connections.https.tls} TLS handshakes (${connections.https.resumed} resumed)`,
      );
    }
    console.log(`load average at the end: ${load()}`);
    console.log(
      `SUMMARY https-batch ${pairs} pairs of ${perSlice} GETs: c=1 https ${m('https@1', 'rate').toFixed(0)} req/s = ${ratioAt(1).toFixed(2)}x http; ` +
        `c=8 ${ratioAt(8).toFixed(2)}x (target >= 0.8); TLS handshakes per ${httpsRequests} https requests: ${connections?.https.tls ?? '?'}`,
    );
  } finally {
    child.send('stop');
    await closeConnectionPools();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] ?? '', process.argv[4] ?? '');
} else {
  await main();
}
