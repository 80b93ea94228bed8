// Benchmark: the same batch of small requests sent by the executor over plain
// HTTP and over HTTPS (a CA and a server certificate made with openssl for
// this run), at concurrency 1 and 8, alternating rounds. The servers run in a
// child process and count the TCP connections and TLS handshakes they accept,
// so the figures show whether the connection pool is reused. Prints requests
// per second, the HTTPS/HTTP ratio (target >= 0.8) and a final SUMMARY line.
// Run: node scripts/bench/https-batch.ts [requests] [rounds]
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
type ServerMessage = { ports: { http: number; https: number } } | { counts: { http: Counts; https: Counts } };

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

/** Sends `total` GETs through the executor, `concurrency` at a time; returns requests per second. */
async function batch(url: string, total: number, concurrency: number, options: ExecuteOptions): Promise<number> {
  const deps = defaultExecutorDeps();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      const outcome = await executeRequest({ method: 'GET', url, headers: [['accept', 'application/json']] }, options, deps);
      if (!outcome.ok) throw new Error(outcome.error.message);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - started) / 1000);
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
  const total = Number(process.argv[2] ?? '2000');
  const rounds = Number(process.argv[3] ?? '5');
  const work = await mkdtemp(join(tmpdir(), 'countersign-https-batch-'));
  const tls = await makeCertificates(work);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', tls.certPath, tls.keyPath], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const first = await nextMessage(child);
    if (!('ports' in first)) throw new Error('the server did not start');
    const httpUrl = `http://127.0.0.1:${first.ports.http}/payments/T-000123`;
    const httpsUrl = `https://127.0.0.1:${first.ports.https}/payments/T-000123`;
    const options = { proxy: { mode: 'none' }, tls: { ca: await readFile(tls.caPath, 'utf8') } } as const;
    console.log(`${total} GETs per run, ${rounds} alternating rounds, servers in a child process; load average ${load()}`);
    // Warm-up: module loading, JIT, the first handshake.
    await batch(httpUrl, 200, 1, options);
    await batch(httpsUrl, 200, 1, options);
    child.send('counts');
    await nextMessage(child);
    const results: Record<string, number[]> = {};
    let connections: { http: Counts; https: Counts } | null = null;
    for (let round = 0; round < rounds; round += 1) {
      for (const concurrency of [1, 8]) {
        const order = round % 2 === 0 ? (['http', 'https'] as const) : (['https', 'http'] as const);
        for (const scheme of order) {
          const rate = await batch(scheme === 'http' ? httpUrl : httpsUrl, total, concurrency, options);
          (results[`${scheme}@${concurrency}`] ??= []).push(rate);
        }
      }
      child.send('counts');
      const counted = await nextMessage(child);
      if ('counts' in counted) connections ??= counted.counts;
      const r = (key: string): string => (results[key]?.at(-1) ?? 0).toFixed(0);
      console.log(`round ${round + 1}: c=1 http ${r('http@1')} req/s, https ${r('https@1')} req/s; c=8 http ${r('http@8')} req/s, https ${r('https@8')} req/s; load ${load()}`);
    }
    const m = (key: string): number => median(results[key] ?? []);
    for (const c of [1, 8]) {
      console.log(`median c=${c}: http ${m(`http@${c}`).toFixed(0)} req/s, https ${m(`https@${c}`).toFixed(0)} req/s; https/http ${(m(`https@${c}`) / m(`http@${c}`)).toFixed(3)} (target >= 0.8)`);
    }
    if (connections) {
      console.log(
        `connections opened in round 1 (${2 * total} requests per scheme): http ${connections.http.tcp} TCP; https ${connections.https.tcp} TCP, ` +
          `${connections.https.tls} TLS handshakes (${connections.https.resumed} resumed)`,
      );
    }
    console.log(`load average at the end: ${load()}`);
    console.log(
      `SUMMARY https-batch ${total} GETs: c=1 https ${m('https@1').toFixed(0)} req/s = ${(m('https@1') / m('http@1')).toFixed(2)}x http; ` +
        `c=8 ${(m('https@8') / m('http@8')).toFixed(2)}x (target >= 0.8); TLS handshakes per ${2 * total} https requests: ${connections?.https.tls ?? '?'}`,
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
