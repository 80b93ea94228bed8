import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { connect as netConnect, createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpError } from '../../../main/contract/http.ts';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions, ExecutorDeps } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { selfSigned, startConnectProxy, startHttp, startHttps, toPfx } from './support/servers.ts';
import type { Pem, Running } from './support/servers.ts';

let dir: { path: string; remove: () => Promise<void> };
let serverPem: Pem;
let clientPem: Pem;
let http: Running;
let https: Running;
let mtls: Running;
let silent: { port: number; close: () => Promise<void> };

/** A TCP server that accepts connections and never says a word. */
async function startSilent(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  dir = await makeTempDir('countersign-tls-');
  serverPem = await selfSigned(dir.path, 'sandbox.test', 'DNS:localhost,IP:127.0.0.1');
  clientPem = await selfSigned(dir.path, 'merchant-client', 'DNS:client');
  http = await startHttp((req, res) => {
    const url = req.url ?? '/';
    if (url === '/no-head') return; // never answers
    if (url === '/stall-body') {
      res.writeHead(200, { 'content-length': '100' });
      res.write('part');
      return; // never finishes
    }
    if (url === '/trickle-then-stall') {
      // A chunk every 100 ms for 600 ms, then silence: only the silence is idle.
      res.writeHead(200, { 'content-length': '100' });
      let sent = 0;
      const timer = setInterval(() => {
        res.write('x');
        if (++sent === 6) clearInterval(timer);
      }, 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (url === '/reset') {
      req.socket.destroy();
      return;
    }
    if (url === '/reset-body') {
      res.writeHead(200, { 'content-length': String(512 * 1024) });
      res.write(Buffer.alloc(256 * 1024));
      setTimeout(() => req.socket.destroy(), 50);
      return;
    }
    res.end('ok');
  });
  https = await startHttps({ cert: serverPem.cert, key: serverPem.key }, (_req, res) => res.end('secure'));
  mtls = await startHttps(
    { cert: serverPem.cert, key: serverPem.key, requestCert: true, rejectUnauthorized: true, ca: [clientPem.cert] },
    (req, res) => {
      const socket: unknown = req.socket;
      const cn = socket instanceof TLSSocket ? socket.getPeerCertificate().subject.CN : undefined;
      res.end(`hello ${typeof cn === 'string' ? cn : '?'}`);
    },
  );
  silent = await startSilent();
}, 60_000);

afterAll(async () => {
  await Promise.all([http.close(), https.close(), mtls.close(), silent.close()]);
  await dir.remove();
});

async function failureOf(url: string, options: ExecuteOptions = {}, deps: Partial<ExecutorDeps> = {}): Promise<HttpError> {
  const result = await executeRequest({ method: 'GET', url, headers: [] }, options, testDeps(deps));
  if (result.ok) throw new Error(`expected a failure, got HTTP ${result.response.status}`);
  expect(result.error.message).not.toMatch(/\n\s+at /); // no stack trace
  return result.error;
}
const failure = (url: string, options: ExecuteOptions = {}): Promise<HttpError> => failureOf(url, options);

/** A listener that never accepts, its queue already full: a TCP connect to it hangs. */
async function startBlackhole(): Promise<{ port: number; close: () => Promise<void> }> {
  const child = spawn('python3', ['-c', 'import socket,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(120)'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const port = Number(String(line).trim());
  const fillers = Array.from({ length: 4 }, () => netConnect(port, '127.0.0.1').on('error', () => undefined));
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    port,
    close: async () => {
      for (const f of fillers) f.destroy();
      child.kill();
      await once(child, 'exit');
    },
  };
}

/**
 * Plain-http GETs fail the same way whichever path reads them: as a preview
 * (undici), or saved over undici or over the direct reader (main/http/direct).
 */
const VARIANTS = [
  { variant: 'a preview', save: false, deps: {} },
  { variant: 'a save over undici', save: true, deps: { directSaves: false } },
  { variant: 'a save over the direct reader', save: true, deps: {} },
] as const;

describe.each(VARIANTS)('network errors, $variant', ({ save, deps }) => {
  const failure = (url: string, options: ExecuteOptions = {}): Promise<HttpError> =>
    failureOf(url, save ? { ...options, save: { directory: dir.path } } : options, deps);

  afterEach(async () => {
    // Nothing of a failed save is left behind, under any name.
    expect(await readdir(dir.path)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.part$/)]));
  });

  it('DNS failure', async () => {
    const error = await failure('http://no-such-host.invalid/');
    expect(error.kind).toBe('dns');
    expect(error.message).toContain('no-such-host.invalid');
  });

  it('connection refused', async () => {
    const closed = await startSilent();
    await closed.close(); // the port is now free: nothing listens
    const error = await failure(`http://127.0.0.1:${closed.port}/`);
    expect(error).toEqual({ kind: 'refused', message: `127.0.0.1:${closed.port} refused the connection: nothing is listening there.` });
  });

  it('connect timeout (TCP never completes)', async () => {
    const hole = await startBlackhole();
    try {
      const error = await failure(`http://127.0.0.1:${hole.port}/`, { timeouts: { connectMs: 300 } });
      expect(error).toEqual({ kind: 'timeout', timeout: 'connect', message: `Timed out connecting to 127.0.0.1:${hole.port}.` });
    } finally {
      await hole.close();
    }
  });

  it('connect timeout (the TLS handshake never completes)', async () => {
    const error = await failure(`https://127.0.0.1:${silent.port}/`, { timeouts: { connectMs: 300 } });
    expect(error.kind).toBe('timeout');
    expect(error.timeout).toBe('connect');
  });

  it('headers timeout', async () => {
    const error = await failure(http.url('/no-head'), { timeouts: { headersMs: 300 } });
    expect(error).toEqual({ kind: 'timeout', timeout: 'headers', message: `127.0.0.1:${http.port} accepted the request but sent no response headers in time.` });
  });

  it('idle body timeout', async () => {
    const error = await failure(http.url('/stall-body'), { timeouts: { bodyIdleMs: 300 } });
    expect(error).toEqual({ kind: 'timeout', timeout: 'body', message: `127.0.0.1:${http.port} stopped sending the response body (idle timeout).` });
  });

  it('the idle body timeout counts from the last chunk, not from the first', async () => {
    const started = performance.now();
    const error = await failure(http.url('/trickle-then-stall'), { timeouts: { bodyIdleMs: 300 } });
    expect(error.timeout).toBe('body');
    // The last chunk left at ~600 ms; 300 ms of silence after it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(850);
  });

  it('connection reset', async () => {
    const error = await failure(http.url('/reset'));
    expect(error).toEqual({ kind: 'reset', message: `127.0.0.1:${http.port} closed the connection unexpectedly.` });
  });

  it('connection reset in the middle of the body', async () => {
    const error = await failure(http.url('/reset-body'));
    expect(error).toEqual({ kind: 'reset', message: `127.0.0.1:${http.port} closed the connection unexpectedly.` });
  });

  it('an unsupported URL is refused before anything is sent', async () => {
    expect((await failure('ftp://127.0.0.1/x')).kind).toBe('invalid-request');
    expect((await failure('http://user:pw@127.0.0.1/x')).kind).toBe('invalid-request');
  });
});

describe.each(VARIANTS)('malformed responses, $variant', ({ save, deps }) => {
  const saving = (on: boolean): ExecuteOptions => (on ? { save: { directory: dir.path } } : {});
  const failure = (url: string): Promise<HttpError> => failureOf(url, saving(save), deps);

  /** A TCP server that answers every connection with the given raw bytes. */
  async function startRaw(reply: Buffer): Promise<{ port: number; close: () => Promise<void> }> {
    const server = createNetServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end(reply));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it('a reply that is not HTTP is a protocol error', async () => {
    const raw = await startRaw(Buffer.from('SSH-2.0-OpenSSH_9.2\r\n\r\n'));
    try {
      const error = await failure(`http://127.0.0.1:${raw.port}/`);
      expect(error).toEqual({ kind: 'protocol', message: `127.0.0.1:${raw.port} sent a response that is not valid HTTP.` });
    } finally {
      await raw.close();
    }
  });

  it('a raw NUL in Content-Disposition never reaches the file system', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Disposition: attachment; filename="a\u0000/../../b.txt"\r\n\r\nok';
    const raw = await startRaw(Buffer.from(head, 'latin1'));
    try {
      const result = await executeRequest(
        { method: 'GET', url: `http://127.0.0.1:${raw.port}/file`, headers: [] },
        { save: { directory: dir.path } },
        testDeps(deps),
      );
      // undici may refuse the header outright; if it accepts it, the name is sanitized.
      if (result.ok) expect(result.response.saved!.path).toBe(join(dir.path, 'b.txt'));
      else expect(result.error.kind).toBe('protocol');
    } finally {
      await raw.close();
    }
  });

  it.each([
    ['Content-Length with Transfer-Encoding', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n'],
    ['differing Content-Lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok!'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n'],
    ['a header split by a bare LF', 'HTTP/1.1 200 OK\r\nX-A: 1\nSet-Cookie: injected\r\nContent-Length: 2\r\n\r\nok'],
  ])('%s is a protocol error', async (_name, reply) => {
    const raw = await startRaw(Buffer.from(reply, 'latin1'));
    try {
      const error = await failure(`http://127.0.0.1:${raw.port}/`);
      expect(error).toEqual({ kind: 'protocol', message: `127.0.0.1:${raw.port} sent a response that is not valid HTTP.` });
    } finally {
      await raw.close();
    }
  });

  it('an interim 1xx response before the real one is skipped', async () => {
    const raw = await startRaw(Buffer.from('HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', 'latin1'));
    try {
      const result = await executeRequest({ method: 'GET', url: `http://127.0.0.1:${raw.port}/`, headers: [] }, saving(save), testDeps(deps));
      expect(result.ok && [result.response.status, result.response.preview.data]).toEqual([200, 'ok']);
    } finally {
      await raw.close();
    }
  });

  it('a response head over 16 KiB is refused', async () => {
    const raw = await startRaw(Buffer.from(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\nContent-Length: 2\r\n\r\nok`, 'latin1'));
    try {
      const error = await failure(`http://127.0.0.1:${raw.port}/`);
      expect(error).toEqual({ kind: 'protocol', message: `127.0.0.1:${raw.port} sent a response that is not valid HTTP.` });
    } finally {
      await raw.close();
    }
  });

  it('a body cut short of its Content-Length is a reset, not a short file', async () => {
    const raw = await startRaw(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nonly5', 'latin1'));
    try {
      const error = await failure(`http://127.0.0.1:${raw.port}/`);
      expect(error.kind).toBe('reset');
    } finally {
      await raw.close();
    }
  });
});

describe('TLS', () => {
  it('an untrusted self-signed certificate is refused, naming its subject, issuer and dates', async () => {
    const error = await failure(https.url('/'));
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('self-signed');
    expect(error.certificate?.subject).toContain('CN=sandbox.test');
    expect(error.certificate?.issuer).toContain('O=Countersign Test');
    expect(Date.parse(error.certificate!.validTo)).toBeGreaterThan(Date.now());
    expect(Date.parse(error.certificate!.validFrom)).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it('trusting it through a custom CA bundle works', async () => {
    const result = await executeRequest({ method: 'GET', url: https.url('/'), headers: [] }, { tls: { ca: serverPem.cert } }, testDeps());
    expect(result.ok && result.response.preview.data).toBe('secure');
    if (result.ok) expect(result.response.timing.tlsMs).not.toBeNull();
  });

  it('a trusted certificate for another host name is refused', async () => {
    const other = await startHttps({ cert: clientPem.cert, key: clientPem.key }, (_q, r) => r.end('x'));
    try {
      const error = await failure(other.url('/'), { tls: { ca: clientPem.cert } });
      expect(error.kind).toBe('tls');
      expect(error.message).toContain('not valid for');
      expect(error.certificate?.subject).toContain('CN=merchant-client');
    } finally {
      await other.close();
    }
  });

  it('verification can be turned off by the caller', async () => {
    const result = await executeRequest({ method: 'GET', url: https.url('/'), headers: [] }, { tls: { verify: false } }, testDeps());
    expect(result.ok && result.response.preview.data).toBe('secure');
  });

  it('sends a PEM client certificate', async () => {
    const result = await executeRequest(
      { method: 'GET', url: mtls.url('/'), headers: [] },
      { tls: { ca: serverPem.cert, cert: clientPem.cert, key: clientPem.key } },
      testDeps(),
    );
    expect(result.ok && result.response.preview.data).toBe('hello merchant-client');
  });

  it('sends a PFX client certificate; a wrong passphrase is named as such and never echoed', async () => {
    const pfx = await toPfx(dir.path, clientPem, 'right-pass-123');
    const good = await executeRequest(
      { method: 'GET', url: mtls.url('/'), headers: [] },
      { tls: { ca: serverPem.cert, pfx, passphrase: 'right-pass-123' } },
      testDeps(),
    );
    expect(good.ok && good.response.preview.data).toBe('hello merchant-client');
    const error = await failure(mtls.url('/'), { tls: { ca: serverPem.cert, pfx, passphrase: 'wrong-pass-456' } });
    expect(error.kind).toBe('client-cert');
    expect(error.message).toContain('passphrase is wrong');
    expect(error.message).not.toContain('wrong-pass-456');
  });

  it('the server refusing a missing client certificate is reported, not hung on', async () => {
    const error = await failure(mtls.url('/'), { tls: { ca: serverPem.cert } });
    expect(['tls', 'reset']).toContain(error.kind);
    if (error.kind === 'reset') expect(error.message).toContain('requires a client certificate');
  });
});

describe('proxy', () => {
  it('goes through an explicit proxy', async () => {
    const proxy = await startConnectProxy();
    try {
      const result = await executeRequest({ method: 'GET', url: http.url('/'), headers: [] }, { proxy: { mode: 'explicit', url: proxy.url() } }, testDeps());
      expect(result.ok && result.response.preview.data).toBe('ok');
      expect(proxy.tunnels).toEqual([http.url('/')]);
    } finally {
      await proxy.close();
    }
  });

  it('uses HTTPS_PROXY from the environment and honours NO_PROXY', async () => {
    const proxy = await startConnectProxy();
    try {
      const env = { HTTPS_PROXY: proxy.url(), NO_PROXY: '' };
      const via = await executeRequest({ method: 'GET', url: https.url('/'), headers: [] }, { tls: { ca: serverPem.cert } }, testDeps({ env }));
      expect(via.ok && via.response.preview.data).toBe('secure');
      expect(proxy.tunnels).toHaveLength(1);
      const direct = await executeRequest(
        { method: 'GET', url: https.url('/'), headers: [] },
        { tls: { ca: serverPem.cert } },
        testDeps({ env: { ...env, NO_PROXY: '127.0.0.1' } }),
      );
      expect(direct.ok).toBe(true);
      expect(proxy.tunnels).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that refuses the tunnel is reported as a proxy failure, without its password', async () => {
    const proxy = await startConnectProxy(() => 407);
    try {
      const url = `http://user:proxy-pass-789@127.0.0.1:${proxy.port}`;
      const error = await failure(https.url('/'), { proxy: { mode: 'explicit', url }, tls: { ca: serverPem.cert } });
      expect(error.kind).toBe('proxy');
      expect(error.message).toContain('407');
      expect(error.message).not.toContain('proxy-pass-789');
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that is down is reported as a proxy failure', async () => {
    const gone = await startSilent();
    await gone.close();
    const error = await failure(http.url('/'), { proxy: { mode: 'explicit', url: `http://127.0.0.1:${gone.port}` } });
    expect(error.kind).toBe('proxy');
    expect(error.message).toContain('nothing is listening');
  });
});
