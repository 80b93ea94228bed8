import type { CallbackEntry, InboxStartInput, InboxStatus } from '../contract/flows.ts';
import { ServiceError } from '../contract/errors.ts';
import { DEFAULT_INBOX_LIMITS, startCallbackInbox, type CallbackInbox } from '../inbox/callback-inbox.ts';

export type InboxService = {
  status(): InboxStatus;
  start(input: { host: string; port: number }): Promise<InboxStatus>;
  stop(): Promise<InboxStatus>;
  entries(): CallbackEntry[];
  clear(): CallbackEntry[];
  /** The running inbox, started on 127.0.0.1 with a free port when it is not (a flow's callback step needs it). */
  ensure(): Promise<CallbackInbox>;
  close(): Promise<void>;
};

export type InboxServiceOptions = {
  onEntry?: (entry: CallbackEntry) => void;
  onChange?: (status: InboxStatus) => void;
  limits?: { maxBodyBytes?: number; maxEntries?: number };
};

/** The app's one callback inbox: started on demand, restarted when the user picks another address. */
export function createInboxService(options: InboxServiceOptions = {}): InboxService {
  const maxBodyBytes = options.limits?.maxBodyBytes ?? DEFAULT_INBOX_LIMITS.maxBodyBytes;
  const maxEntries = options.limits?.maxEntries ?? DEFAULT_INBOX_LIMITS.maxEntries;
  let inbox: { server: CallbackInbox; host: string } | null = null;
  let starting: Promise<CallbackInbox> | null = null;

  const status = (): InboxStatus =>
    inbox
      ? { running: true, url: inbox.server.url, host: inbox.host, port: inbox.server.port, exposure: inbox.server.exposure, maxBodyBytes, maxEntries }
      : { running: false };

  const stop = async () => {
    const current = inbox;
    inbox = null;
    if (current) {
      await current.server.close();
      options.onChange?.(status());
    }
    return status();
  };

  const start = async ({ host, port }: InboxStartInput & { host: string; port: number }): Promise<CallbackInbox> => {
    await stop();
    try {
      const server = await startCallbackInbox({
        host,
        port,
        maxBodyBytes,
        maxEntries,
        ...(options.onEntry ? { onEntry: options.onEntry } : {}),
      });
      inbox = { server, host };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'EADDRINUSE' ? `port ${String(port)} is already in use` : code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine` : code === 'EACCES' ? `no permission to listen on port ${String(port)}` : 'the address could not be bound';
      throw new ServiceError('failed', `The callback inbox could not start on ${host}:${String(port)}: ${reason}.`);
    }
    options.onChange?.(status());
    return inbox.server;
  };

  return {
    status,
    start: async (input) => {
      await start(input);
      return status();
    },
    stop,
    entries: () => [...(inbox?.server.entries() ?? [])].reverse(),
    clear: () => {
      inbox?.server.clear();
      return [];
    },
    async ensure() {
      if (inbox) return inbox.server;
      starting ??= start({ host: '127.0.0.1', port: 0 }).finally(() => {
        starting = null;
      });
      return starting;
    },
    close: async () => {
      await stop();
    },
  };
}
