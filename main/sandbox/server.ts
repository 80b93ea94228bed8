/**
 * The built-in sandbox: one node:http server on 127.0.0.1 emulating the four
 * seed gateways. The app starts it on demand; tests start as many as they like.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { centagateRoutes } from './centagate/routes.ts';
import { elecsnetRoutes } from './elecsnet/routes.ts';
import { resolveEnvironment, type SandboxOptions } from './environment.ts';
import { SandboxHttpError } from './http/http-error.ts';
import { sendJson } from './http/respond.ts';
import { matchMounted, type RouteGroup } from './mounts.ts';
import { infoRoutes } from './info.ts';
import { staticFileRoutes } from './static-file.ts';
import { momoRoutes } from './momo/routes.ts';
import { paynetRoutes } from './paynet/routes.ts';

function isLoopbackHostHeader(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

export type RunningSandbox = {
  /** Base URL, e.g. http://127.0.0.1:43123 (https:// when started with tls; no trailing slash, no mount prefix). */
  url: string;
  port: number;
  /** TCP connections accepted so far: a test behind a proxy compares it with the proxy's log. */
  connections: () => number;
  close: () => Promise<void>;
};

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const env = resolveEnvironment(options);
  const momo = momoRoutes(env);
  const groups: RouteGroup[] = [
    { prefix: '', routes: [...infoRoutes(), ...staticFileRoutes(env)] },
    { prefix: env.mounts.paynet, routes: paynetRoutes(env) },
    { prefix: env.mounts.momo, routes: momo.routes },
    { prefix: env.mounts.centagate, routes: centagateRoutes(env) },
    { prefix: env.mounts.elecsnet, routes: elecsnetRoutes(env) },
  ];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isLoopbackHostHeader(req.headers.host)) {
      // A web page that rebinds its DNS name to 127.0.0.1 must not reach the sandbox.
      sendJson(res, 421, { error: 'misdirected_request', message: 'The sandbox answers only to 127.0.0.1, [::1] or localhost in the Host header.' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = matchMounted(groups, req.method ?? 'GET', url.pathname);
    if (match.kind === 'not-found') {
      sendJson(res, 404, { error: 'not_found', message: `The sandbox has no ${req.method ?? 'GET'} ${url.pathname}. See GET /sandbox for the routes.` });
      return;
    }
    if (match.kind === 'wrong-method') {
      sendJson(res, 405, { error: 'method_not_allowed', message: `Use ${match.allowed.join(' or ')} for ${url.pathname}.` }, { allow: match.allowed.join(', ') });
      return;
    }
    await match.handler({ req, res, url, params: match.params });
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    // The Date header follows the injected clock, so a test can simulate a skewed server.
    res.setHeader('date', new Date(env.now()).toUTCString());
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof SandboxHttpError) {
        sendJson(res, error.status, { error: 'bad_request', message: error.message }, { connection: 'close' });
        return;
      }
      env.log(`sandbox: internal error on ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, 500, { error: 'internal_error', message: 'The sandbox failed on this request; see its log.' });
    });
  };
  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener) : createServer(listener);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: async () => {
      momo.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
