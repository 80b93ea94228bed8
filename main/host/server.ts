import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventsPath, InvokePathPrefix } from '../contract/http-bridge.ts';
import type { Envelope } from '../contract/errors.ts';
import type { Backend } from '../services/backend.ts';
import { RENDERER_SECURITY_HEADERS } from '../security/csp.ts';
import { readRendererFile } from '../security/static-files.ts';
import { checkHost, checkOrigin, checkToken, type Refusal } from './guards.ts';
import { preflightJson } from './json-preflight.ts';

const INVOKE_PREFIX: InvokePathPrefix = '/api/invoke/';
const EVENTS_PATH: EventsPath = '/api/events';
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export type HostOptions = {
  backend: Backend;
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed only in tests; a real launch always draws a fresh one. */
  token?: string;
};

export type Host = {
  port: number;
  token: string;
  /** The address to open: the token rides in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
};

/**
 * Browser mode's door: the built renderer and the contract over HTTP on
 * 127.0.0.1 only. Every API call and event stream needs the launch token in
 * a header; Host and Origin are checked on every request.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer.' } });
      else res.destroy();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const hostRefusal = checkHost(req.headers, port);
    if (hostRefusal) return refuse(res, hostRefusal);
    const path = (req.url ?? '/').split('?')[0] ?? '/';

    if (path.startsWith('/api/')) {
      const refusal = checkOrigin(req.headers, port) ?? checkToken(req.headers, token);
      if (refusal) return refuse(res, refusal);
      if (path === EVENTS_PATH && req.method === 'GET') return openEventStream(res);
      if (path.startsWith(INVOKE_PREFIX) && req.method === 'POST') return invoke(req, res, path.slice(INVOKE_PREFIX.length));
      return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'No such API route.' } });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...RENDERER_SECURITY_HEADERS }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': 'no-store',
      ...RENDERER_SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const invoke = async (req: IncomingMessage, res: ServerResponse, rawName: string) => {
    const tooLarge = () => sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: `Request body larger than ${MAX_BODY_BYTES} bytes.` } });
    // A declared size over the limit is refused before a byte is read.
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume();
      return tooLarge();
    }
    const body = await readBody(req);
    if (body === 'too_large') return tooLarge();
    // Shape limits are checked on the bytes, before JSON.parse builds what they describe.
    const shape = preflightJson(body);
    if (shape !== null) {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: `The request body is ${shape}.` } });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
    }
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = rawName;
    }
    const envelope = await options.backend.dispatcher.invoke(name, input, { door: 'browser' });
    sendJson(res, statusFor(envelope), envelope);
  };

  const openEventStream = (res: ServerResponse) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const unsubscribe = options.backend.bus.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { ok: false, error: { code: 'forbidden', message: `Refused: ${refusal.reason}.` } });
}

function sendJson(res: ServerResponse, status: number, payload: Envelope<unknown>): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function statusFor(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200;
  switch (envelope.error.code) {
    case 'invalid_input':
      return 400;
    case 'unknown_channel':
    case 'not_found':
      return 404;
    case 'forbidden':
      return 403;
    case 'conflict':
      return 409;
    case 'locked':
      return 423;
    case 'internal':
      return 500;
    default:
      return 422;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
