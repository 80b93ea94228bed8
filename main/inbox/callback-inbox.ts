import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the inbox received, as data only: it is never executed, followed or rendered. */
export type CallbackEntry = {
  id: number;
  receivedAt: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  headers: [string, string][];
  /** The body as text (UTF-8, invalid bytes replaced), cut at the size cap. */
  body: string;
  /** Bytes the sender sent, even when more than were kept. */
  bodyBytes: number;
  truncated: boolean;
};

export type InboxOptions = {
  /** 127.0.0.1 unless the user asks for another interface (gateways on other machines); see `exposure`. */
  host?: string;
  port?: number;
  /** Largest body kept per request; the rest is read and dropped. */
  maxBodyBytes?: number;
  /** Entries kept; the oldest go first. */
  maxEntries?: number;
  now?: () => Date;
  onEntry?: (entry: CallbackEntry) => void;
};

export type CallbackInbox = {
  url: string;
  port: number;
  /** Set when the inbox listens beyond loopback: what the user must be told. */
  exposure: string | null;
  entries(): readonly CallbackEntry[];
  /** Resolves with the first entry (already received or arriving) that matches; rejects after `timeoutMs` with a message saying what it waited for. */
  waitFor(match: (entry: CallbackEntry) => boolean, options: { timeoutMs: number; description: string; signal?: AbortSignal }): Promise<CallbackEntry>;
  clear(): void;
  close(): Promise<void>;
};

export const DEFAULT_INBOX_LIMITS = { maxBodyBytes: 64 * 1024, maxEntries: 200 } as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * A local listener for gateway callbacks (MoMo's providerCallbackHost /
 * X-Callback-Url). It answers every request with 200, keeps a bounded record
 * of what arrived, and lets a flow step wait for a matching callback.
 */
export async function startCallbackInbox(options: InboxOptions = {}): Promise<CallbackInbox> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_INBOX_LIMITS.maxBodyBytes;
  const maxEntries = options.maxEntries ?? DEFAULT_INBOX_LIMITS.maxEntries;
  const now = options.now ?? (() => new Date());
  const entries: CallbackEntry[] = [];
  const waiters = new Set<(entry: CallbackEntry) => void>();
  let nextId = 1;

  const record = (req: IncomingMessage, body: Buffer, bodyBytes: number) => {
    const entry: CallbackEntry = {
      id: nextId++,
      receivedAt: now().toISOString(),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: pairs(req.rawHeaders),
      body: body.toString('utf8'),
      bodyBytes,
      truncated: bodyBytes > body.length,
    };
    entries.push(entry);
    if (entries.length > maxEntries) entries.splice(0, entries.length - maxEntries);
    options.onEntry?.(entry);
    for (const waiter of waiters) waiter(entry);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      if (keptBytes >= maxBodyBytes) return;
      const part = chunk.subarray(0, maxBodyBytes - keptBytes);
      kept.push(part);
      keptBytes += part.length;
    });
    req.on('end', () => {
      record(req, Buffer.concat(kept, keptBytes), bodyBytes);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    req.on('error', () => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    exposure: LOOPBACK.has(host)
      ? null
      : `The callback inbox listens on ${host}:${port}: anyone who can reach this machine on that address can post to it. It records what arrives and never runs it.`,
    entries: () => [...entries],
    waitFor(match, { timeoutMs, description, signal }) {
      const already = entries.find(match);
      if (already) return Promise.resolve(already);
      if (signal?.aborted) return Promise.reject(new Error(`Stopped waiting for ${description}.`));
      return new Promise((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
        };
        const waiter = (entry: CallbackEntry) => {
          if (!match(entry)) return;
          finish();
          resolve(entry);
        };
        const onAbort = () => {
          finish();
          reject(new Error(`Stopped waiting for ${description}.`));
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No callback matching ${description} arrived within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}.`));
        }, timeoutMs);
        waiters.add(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    clear: () => entries.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function pairs(raw: string[]): [string, string][] {
  const result: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) result.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return result;
}
