import type { CallbackEntry, InboxStartInput, InboxStatus } from '../contract/flows.ts';
import { ServiceError } from '../contract/errors.ts';
import { Redactor } from '../core/redactor.ts';
// The inbox's HTTP server (node:http and all) loads when an inbox first starts: most commands never start one.
import type { CallbackInbox } from '../inbox/callback-inbox.ts';

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
  /**
   * The process-wide secret ledger: a request the app itself sent here (a
   * callback URL pointed at the inbox) may carry secrets, so every entry that
   * leaves the service is walked with it. Flows waiting on the inbox still
   * match against what really arrived.
   */
  ledger?: Redactor;
};

/** The app's one callback inbox: started on demand, restarted when the user picks another address. */
export function createInboxService(options: InboxServiceOptions = {}): InboxService {
  // Set from the inbox module's defaults when it first loads; status() reports them only while an inbox runs.
  let maxBodyBytes = options.limits?.maxBodyBytes ?? 0;
  let maxEntries = options.limits?.maxEntries ?? 0;
  const ledger = options.ledger ?? new Redactor();
  const onEntry = options.onEntry;
  let inbox: { server: CallbackInbox; host: string; port: number } | null = null;
  // Starts and stops run one after another, so two can never leave a listener nobody can stop.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const status = (): InboxStatus =>
    inbox
      ? { running: true, url: inbox.server.url, host: inbox.host, port: inbox.server.port, exposure: inbox.server.exposure, maxBodyBytes, maxEntries }
      : { running: false };

  const stopNow = async () => {
    const current = inbox;
    inbox = null;
    if (current) {
      await current.server.close();
      options.onChange?.(status());
    }
    return status();
  };

  const listen = async (host: string, port: number) => {
    const { DEFAULT_INBOX_LIMITS, startCallbackInbox } = await import('../inbox/callback-inbox.ts');
    maxBodyBytes = options.limits?.maxBodyBytes ?? DEFAULT_INBOX_LIMITS.maxBodyBytes;
    maxEntries = options.limits?.maxEntries ?? DEFAULT_INBOX_LIMITS.maxEntries;
    return startCallbackInbox({ host, port, maxBodyBytes, maxEntries, ...(onEntry ? { onEntry: (entry: CallbackEntry) => onEntry(ledger.redactDeep(entry)) } : {}) });
  };

  const startNow = async ({ host, port }: InboxStartInput & { host: string; port: number }): Promise<CallbackInbox> => {
    const previous = inbox ? { host: inbox.host, port: inbox.server.port } : null;
    await stopNow();
    try {
      inbox = { server: await listen(host, port), host, port };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'EADDRINUSE' ? `port ${String(port)} is already in use` : code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine` : code === 'EACCES' ? `no permission to listen on port ${String(port)}` : 'the address could not be bound';
      // Put the inbox the user had back where it was, if its address is still free.
      const restored = previous ? await listen(previous.host, previous.port).catch(() => null) : null;
      if (restored && previous) inbox = { server: restored, host: previous.host, port: previous.port };
      options.onChange?.(status());
      const still = restored ? ` It still listens on ${restored.url}.` : previous ? ' It is stopped.' : '';
      throw new ServiceError('failed', `The callback inbox could not start on ${host}:${String(port)}: ${reason}.${still}`);
    }
    options.onChange?.(status());
    return inbox.server;
  };
  const stop = () => serially(stopNow);

  return {
    status,
    start: (input) =>
      serially(async () => {
        await startNow(input);
        return status();
      }),
    stop,
    entries: () => ledger.redactDeep([...(inbox?.server.entries() ?? [])].reverse()),
    clear: () => {
      inbox?.server.clear();
      return [];
    },
    ensure: () => serially(async () => inbox?.server ?? startNow({ host: '127.0.0.1', port: 0 })),
    close: async () => {
      await stop();
    },
  };
}
