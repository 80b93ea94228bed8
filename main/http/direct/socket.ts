import { lookup as dnsLookup } from 'node:dns';
import { connect } from 'node:net';
import type { LookupFunction, Socket } from 'node:net';
import type { TimingRecorder } from '../timing.ts';
import { closedEarly, timeoutError } from './errors.ts';

/** What the socket's reads are handed to; swapped when the head is done. */
export interface ReadHandler {
  /** Where the next read lands: the caller's own memory (e.g. a free ring slot). */
  buffer: () => Uint8Array;
  /** nread bytes are in buf. Return false to pause reading. */
  onRead: (nread: number, buf: Uint8Array) => boolean;
  /** The server closed its side. */
  onEnd: () => void;
}

export interface DirectSocketOptions {
  url: URL;
  connectTimeoutMs: number;
  timing: TimingRecorder;
  signal?: AbortSignal | undefined;
}

/**
 * One plain-TCP connection for one exchange, read with `onread`: Node reads
 * straight into memory the handler names, so no buffer is allocated per read
 * (undici's path allocates 64 KiB each time, left for the GC). Any failure
 * (socket error, timeout, abort, a throwing handler) destroys the socket and
 * is reported once to onFailure.
 */
export class DirectSocket {
  readonly #socket: Socket;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort: () => void;
  #handler: ReadHandler | null = null;
  #onFailure: (err: Error) => void = () => undefined;
  #failure: Error | null = null;
  #timer: NodeJS.Timeout | null = null;
  readonly #connected: Promise<void>;

  constructor(options: DirectSocketOptions, fallback: Uint8Array) {
    const { url, timing } = options;
    const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
      timing.dnsStarted();
      dnsLookup(hostname, lookupOptions, (...args: Parameters<typeof callback>) => {
        timing.dnsFinished();
        callback(...args);
      });
    };
    timing.connectStarted();
    this.#socket = connect({
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? 80 : Number(url.port),
      lookup,
      noDelay: true,
      onread: {
        buffer: () => this.#handler?.buffer() ?? fallback,
        callback: (nread, buf) => this.#read(nread, buf),
      },
    });
    this.#connected = new Promise<void>((resolve) => {
      this.#socket.once('connect', () => {
        timing.tcpConnected();
        this.#clearTimer();
        resolve();
      });
    });
    this.#arm(options.connectTimeoutMs, timeoutError.connect);
    this.#socket.on('error', (err) => {
      this.fail(err);
    });
    this.#socket.on('end', () => {
      try {
        this.#handler?.onEnd();
      } catch (err) {
        this.fail(err);
      }
    });
    this.#socket.on('close', () => {
      this.fail(closedEarly());
    });
    this.#signal = options.signal;
    this.#onAbort = () => {
      this.fail(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    };
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Resolves once TCP is connected (failures go to onFailure). */
  connected(): Promise<void> {
    return this.#connected;
  }

  setHandler(handler: ReadHandler, onFailure: (err: Error) => void): void {
    this.#handler = handler;
    this.#onFailure = onFailure;
    if (this.#failure) onFailure(this.#failure);
  }

  write(data: Buffer): void {
    this.#socket.write(data);
  }

  pause(): void {
    this.#socket.pause();
  }

  resume(): void {
    if (!this.#failure) this.#socket.resume();
  }

  /** Fails with makeError after ms without a refresh(); replaces any earlier timer. */
  #arm(ms: number, makeError: () => Error): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.fail(makeError());
    }, ms);
  }

  startTimer(ms: number, makeError: () => Error): void {
    this.#arm(ms, makeError);
  }

  refreshTimer(): void {
    this.#timer?.refresh();
  }

  stopTimer(): void {
    this.#clearTimer();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Ends the exchange without error: the response is complete or no longer wanted. */
  close(): void {
    if (this.#failure) return;
    this.#failure = new Error('closed');
    this.#teardown();
  }

  fail(err: unknown): void {
    if (this.#failure) return;
    this.#failure = err instanceof Error ? err : new Error(String(err));
    this.#teardown();
    this.#onFailure(this.#failure);
  }

  #teardown(): void {
    this.#clearTimer();
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#socket.destroy();
  }

  #read(nread: number, buf: Uint8Array): boolean {
    if (this.#failure || !this.#handler) return false;
    try {
      return this.#handler.onRead(nread, buf);
    } catch (err) {
      // Never let a throw escape into Node's read callback.
      this.fail(err);
      return false;
    }
  }
}
