import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannelName } from '../../../main/contract/index.ts';
import type { KeyValue, RequestBody } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

export const ENVIRONMENT = 'Redaction';
const PASSPHRASE = 'a passphrase for redaction tests';

/**
 * A secret's forms as a gateway, a log or a response may carry them, worked
 * out here with the platform's own encoders (not with the redactor's code).
 */
export function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const once = encodeURIComponent(secret).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return [
    secret,
    encodeURIComponent(secret),
    once,
    encodeURIComponent(once),
    new URLSearchParams({ s: secret }).toString().slice(2),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** Which forms of which secrets a text still holds: empty when it is clean. */
export function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => formsOf(secret).filter((form) => text.includes(form)).map((form) => `${JSON.stringify(secret)} as ${JSON.stringify(form)}`));
}

/**
 * A loopback gateway that gives everything back: `/redirect…` answers 302 to
 * `/landing` plus the request's own path and query; anything else answers 200
 * with the request echoed in the body (JSON) and in a header (percent-encoded).
 */
async function startEchoServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      if (url.startsWith('/redirect')) {
        res.writeHead(302, { location: `/landing${url}` }).end();
        return;
      }
      const echo = JSON.stringify({ method: req.method, url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': encodeURIComponent(url) }).end(echo);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, server };
}

export type Harness = Awaited<ReturnType<typeof redactionHarness>>;

/** A backend with an unlocked vault, one collection whose environment points at the echo server, and every event recorded. */
export async function redactionHarness() {
  const dir = await makeTempDir();
  const backend: Backend = testBackend(dir.path);
  const call = contractCaller(() => backend);
  await call('vault:setup', { passphrase: PASSPHRASE });
  const events: string[] = [];
  backend.bus.subscribe((name, payload) => events.push(`${name} ${JSON.stringify(payload)}`));
  const echo = await startEchoServer();
  const collection = backend.workspace.create({ kind: 'collection', name: 'Redaction' });
  const environment = backend.workspace.createEnvironment(collection.id, ENVIRONMENT, false);
  backend.workspace.updateEnvironment(collection.id, environment.id, { variables: [{ name: 'base', value: echo.url, enabled: true }] });
  const request = backend.workspace.create({ kind: 'request', parentId: collection.id, name: 'Echo' });

  /**
   * Where the vault binds secrets to hosts (#15), lets these secrets go to a
   * loopback host for good, as the user would with the passphrase; a vault
   * without host binding needs nothing.
   */
  const allowHost = async (names: string[], url: string) => {
    if (!isChannelName('vault:allow-host')) return;
    await call('vault:allow-host', { environment: ENVIRONMENT, names, host: new URL(url).host, scope: 'always', passphrase: PASSPHRASE });
  };
  const setSecret = async (name: string, value: string) => {
    const exists = backend.vault.list({ environment: ENVIRONMENT }).secrets.some((secret) => secret.name === name);
    await call(exists ? 'vault:rotate' : 'vault:add', { environment: ENVIRONMENT, name, value, ...(exists ? {} : { kind: 'text' }) });
    if (!exists) await allowHost([name], echo.url);
  };
  const shape = (patch: { method?: string; url: string; params?: KeyValue[]; headers?: KeyValue[]; body?: RequestBody }) =>
    backend.workspace.updateRequest(request.id, { method: patch.method ?? 'GET', url: patch.url, params: patch.params ?? [], headers: patch.headers ?? [], body: patch.body ?? { kind: 'none' } });
  const ids = { requestId: request.id, environmentId: environment.id };

  return {
    backend,
    call,
    events,
    echoUrl: echo.url,
    ids,
    setSecret,
    allowHost,
    passphrase: PASSPHRASE,
    shape,
    close: async () => {
      await backend.close();
      await new Promise<void>((resolve) => echo.server.close(() => resolve()));
      await dir.remove();
    },
  };
}
