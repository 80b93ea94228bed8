import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executeRequest } from '../../../main/http/executor.ts';
import type { ExecuteOptions } from '../../../main/http/options.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { selfSigned, startHttps } from './support/servers.ts';
import type { Pem, Running } from './support/servers.ts';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const BIG = Buffer.alloc(3 * MiB + 17);
for (let i = 0; i < BIG.length; i += 1) BIG[i] = (i * 31 + (i >> 11)) & 0xff;
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

let certs: { path: string; remove: () => Promise<void> };
let serverPem: Pem;
let clientPem: Pem;
let server: Running;
/** Requests that reached the server, with the client certificate's CN if one was shown. */
const arrived: { url: string; client: string }[] = [];
/** The Connection header of each request: the direct reader sends "close", undici "keep-alive". */
const connections: string[] = [];

beforeAll(async () => {
  certs = await makeTempDir('countersign-https-save-');
  serverPem = await selfSigned(certs.path, 'gateway.test', 'IP:127.0.0.1');
  clientPem = await selfSigned(certs.path, 'merchant-7', 'DNS:client');
  server = await startHttps({ cert: serverPem.cert, key: serverPem.key, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peer = req.socket instanceof TLSSocket ? req.socket.getPeerCertificate() : null;
    arrived.push({ url: req.url ?? '', client: typeof peer?.subject?.CN === 'string' ? peer.subject.CN : '' });
    connections.push(req.headers.connection ?? '');
    switch (req.url) {
      case '/statement':
        res.writeHead(200, { 'content-length': String(BIG.length), 'content-disposition': 'attachment; filename="statement.bin"' }).end(BIG);
        return;
      case '/chunked':
        // No Content-Length: chunked, in pieces of odd sizes.
        res.writeHead(200, { 'content-disposition': 'attachment; filename="chunked.bin"' });
        for (let at = 0; at < BIG.length; at += 100_003) res.write(BIG.subarray(at, at + 100_003));
        res.end();
        return;
      case '/until-close':
        // Neither Content-Length nor chunked: the body ends when the server closes.
        res.useChunkedEncodingByDefault = false;
        res.shouldKeepAlive = false;
        res.writeHead(200, { connection: 'close', 'content-disposition': 'attachment; filename="closed.bin"' });
        res.end(BIG);
        return;
      case '/moved':
        res.writeHead(302, { location: '/statement' }).end();
        return;
      case '/slow': {
        res.writeHead(200, { 'content-length': String(64 * MiB), 'content-disposition': 'attachment; filename="slow.bin"' });
        const piece = Buffer.alloc(256 * 1024, 0x61);
        const timer = setInterval(() => {
          if (res.destroyed) clearInterval(timer);
          else res.write(piece);
        }, 10);
        res.on('close', () => clearInterval(timer));
        return;
      }
      default:
        res.writeHead(404).end();
    }
  });
});
afterAll(async () => {
  await server.close();
  await certs.remove();
});

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-https-out-');
  arrived.length = 0;
  connections.length = 0;
});
afterEach(() => dir.remove());

const trusted = (extra: ExecuteOptions = {}): ExecuteOptions => ({ save: { directory: dir.path }, tls: { ca: serverPem.cert }, ...extra });

// A save without a client certificate goes over the direct reader (TLS records decrypted straight
// into the writer ring); with one, or with directSaves off, over undici. Both must behave alike.
describe.each([
  { path: 'the direct reader', deps: {}, connection: 'close' },
  { path: 'undici', deps: { directSaves: false }, connection: 'keep-alive' },
])('HTTPS saves over $path', ({ deps, connection }) => {
  it('goes the expected way (the Connection header each path sends)', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/statement'), headers: [] }, trusted(), testDeps(deps));
    expect(result.ok).toBe(true);
    expect(connections).toEqual([connection]);
  });

  it('saves a body that ends when the server closes', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/until-close'), headers: [] }, trusted(), testDeps(deps));
    expect(result.ok && result.response.saved?.sha256).toBe(sha256(BIG));
  });

  it('saves the body byte for byte with its SHA-256, as curl --cacert receives it', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/statement'), headers: [] }, trusted(), testDeps(deps));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = result.response.saved!;
    expect(saved.path).toBe(join(dir.path, 'statement.bin'));
    expect(saved.bytes).toBe(BIG.length);
    expect(saved.sha256).toBe(sha256(BIG));
    expect(result.response.timing.tlsMs).not.toBeNull();
    const viaCurl = join(dir.path, 'curl.bin');
    await run('curl', ['-s', '--cacert', serverPem.certPath, '-o', viaCurl, server.url('/statement')]);
    expect((await readFile(saved.path)).equals(await readFile(viaCurl))).toBe(true);
    expect((await stat(saved.path)).mode & 0o777).toBe(0o600);
  });

  it('decodes a chunked body', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/chunked'), headers: [] }, trusted(), testDeps(deps));
    expect(result.ok && result.response.saved?.sha256).toBe(sha256(BIG));
  });

  it('follows a redirect to the file', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/moved'), headers: [] }, trusted(), testDeps(deps));
    expect(result.ok && result.response.saved?.sha256).toBe(sha256(BIG));
    expect(result.ok && result.response.redirects).toHaveLength(1);
  });

  it('presents the environment\'s client certificate', async () => {
    const result = await executeRequest(
      { method: 'GET', url: server.url('/statement'), headers: [] },
      trusted({ tls: { ca: serverPem.cert, cert: clientPem.cert, key: clientPem.key } }),
      testDeps(deps),
    );
    expect(result.ok).toBe(true);
    expect(arrived).toEqual([{ url: '/statement', client: 'merchant-7' }]);
  });

  it('refuses an untrusted server before sending the request, and leaves no file', async () => {
    const result = await executeRequest(
      { method: 'GET', url: server.url('/statement'), headers: [['Authorization', 'Bearer signed']] },
      { save: { directory: dir.path } },
      testDeps(deps),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('tls');
      expect(result.error.certificate?.subject).toContain('CN=gateway.test');
    }
    expect(arrived).toEqual([]);
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('refuses a trusted certificate issued for another host name', async () => {
    const result = await executeRequest(
      { method: 'GET', url: server.url('/statement').replace('127.0.0.1', 'localhost'), headers: [] },
      trusted(),
      testDeps(deps),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('not valid for');
    expect(arrived).toEqual([]);
  });

  it('cancelling mid-download leaves no file and no temp file', async () => {
    const controller = new AbortController();
    const result = await executeRequest(
      { method: 'GET', url: server.url('/slow'), headers: [] },
      trusted({
        signal: controller.signal,
        onProgress: (p) => {
          if (p.bytes > MiB) controller.abort();
        },
      }),
      testDeps(deps),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('cancelled');
    expect(await readdir(dir.path)).toEqual([]);
  });
});
