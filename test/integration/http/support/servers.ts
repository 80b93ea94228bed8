import { execFile } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { ServerOptions as HttpsOptions } from 'node:https';
import { connect as netConnect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Running {
  server: Server;
  port: number;
  url: (path?: string) => string;
  close: () => Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https', host = '127.0.0.1'): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: (path = '/') => `${scheme}://${host}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A plain HTTP server on 127.0.0.1 and a random port. */
export function startHttp(handler: RequestListener): Promise<Running> {
  return listen(createServer(handler), 'http');
}

export function startHttps(options: HttpsOptions, handler: RequestListener, host = '127.0.0.1'): Promise<Running> {
  return listen(createHttpsServer(options, handler), 'https', host);
}

export interface Pem {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

/** A self-signed certificate for the given subject CN and SAN list, made with the openssl CLI. */
export async function selfSigned(dir: string, name: string, san: string, days = 2): Promise<Pem> {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256',
    '-keyout', keyPath, '-out', certPath, '-days', String(days),
    '-subj', `/CN=${name}/O=Countersign Test`, '-addext', `subjectAltName=${san}`,
  ]);
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), certPath, keyPath };
}

/** A PKCS#12 bundle of a PEM pair, protected by a passphrase. */
export async function toPfx(dir: string, pem: Pem, passphrase: string): Promise<Buffer> {
  const out = join(dir, `${Date.now()}-${Math.random().toString(16).slice(2)}.p12`);
  await run('openssl', ['pkcs12', '-export', '-in', pem.certPath, '-inkey', pem.keyPath, '-out', out, '-passout', `pass:${passphrase}`]);
  return readFile(out);
}

/** A small forward proxy: CONNECT tunnels and absolute-URI forwarding. */
export async function startConnectProxy(onConnect?: (req: IncomingMessage) => number | null): Promise<Running & { tunnels: string[] }> {
  const tunnels: string[] = [];
  // Plain-HTTP targets are forwarded (absolute-URI requests), HTTPS ones tunnelled.
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    tunnels.push(req.url ?? '');
    const refuse = onConnect?.(req) ?? null;
    if (refuse !== null) {
      res.writeHead(refuse).end();
      return;
    }
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const refuse = onConnect?.(req) ?? null;
    if (refuse !== null) {
      client.end(`HTTP/1.1 ${refuse} Refused\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = netConnect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const running = await listen(server, 'http');
  return { ...running, tunnels };
}
