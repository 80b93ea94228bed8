import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpError } from '../../../main/contract/http.ts';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions } from '../../../main/http/options.ts';
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
    if (url === '/reset') {
      req.socket.destroy();
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

async function failure(url: string, options: ExecuteOptions = {}): Promise<HttpError> {
  const result = await executeRequest({ method: 'GET', url, headers: [] }, options, testDeps());
  if (result.ok) throw new Error(`expected a failure, got HTTP ${result.response.status}`);
  expect(result.error.message).not.toMatch(/\n\s+at /); // no stack trace
  return result.error;
}

describe('network errors', () => {
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

  it('connect timeout (the TLS handshake never completes)', async () => {
    const error = await failure(`https://127.0.0.1:${silent.port}/`, { timeouts: { connectMs: 300 } });
    expect(error.kind).toBe('timeout');
    expect(error.timeout).toBe('connect');
  });

  it('headers timeout', async () => {
    const error = await failure(http.url('/no-head'), { timeouts: { headersMs: 300 } });
    expect(error.kind).toBe('timeout');
    expect(error.timeout).toBe('headers');
  });

  it('idle body timeout', async () => {
    const error = await failure(http.url('/stall-body'), { timeouts: { bodyIdleMs: 300 } });
    expect(error.kind).toBe('timeout');
    expect(error.timeout).toBe('body');
  });

  it('connection reset', async () => {
    const error = await failure(http.url('/reset'));
    expect(error.kind).toBe('reset');
  });

  it('an unsupported URL is refused before anything is sent', async () => {
    expect((await failure('ftp://127.0.0.1/x')).kind).toBe('invalid-request');
    expect((await failure('http://user:pw@127.0.0.1/x')).kind).toBe('invalid-request');
  });
});

describe('malformed responses', () => {
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
        testDeps(),
      );
      // undici may refuse the header outright; if it accepts it, the name is sanitized.
      if (result.ok) expect(result.response.saved!.path).toBe(join(dir.path, 'b.txt'));
      else expect(result.error.kind).toBe('protocol');
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
