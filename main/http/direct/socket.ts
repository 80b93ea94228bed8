import { lookup as dnsLookup } from 'node:dns';
import { connect } from 'node:net';
import type { LookupFunction, Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { SecureContext, TLSSocket } from 'node:tls';
import { verifyPeer } from '../connector.ts';
import type { TimingRecorder } from '../timing.ts';
import { closedEarly, timeoutError } from './errors.ts';
import { HeldReads } from './held-reads.ts';

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
  /** For https: the pool's TLS context (connection-pool.ts) and whether to verify the server. */
  tls?: { secureContext: SecureContext; verify: boolean } | undefined;
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
  /** When the armed timer was last refreshed (monotonic ms). */
  #touchedAt = 0;
  readonly #connected: Promise<void>;
  /** The reader asked for no more reads (returned false or paused); reads still arriving are held. */
  #holding = false;
  /** Reads that arrived while holding, in order, in a buffer of the socket's own. */
  readonly #held = new HeldReads();
  #endPending = false;

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
    const onread = {
      buffer: () => this.#nextBuffer(fallback),
      callback: (nread: number, buf: Uint8Array) => this.#read(nread, buf),
    };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const tlsSettings = options.tls;
    let secure: TLSSocket | null = null;
    if (tlsSettings) {
      // tls.connect takes onread too (Node documents it; its types lack it): records are decrypted into our memory.
      const tlsOptions = {
        secureContext: tlsSettings.secureContext,
        host,
        port: url.port === '' ? 443 : Number(url.port),
        // SNI only for names (RFC 6066 forbids IP literals).
        ...(isIp(host) ? {} : { servername: host }),
        // Checked on secureConnect, with the certificate in hand (as connector.ts does for undici).
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
        lookup,
        noDelay: true,
        onread,
      };
      secure = connectTls(tlsOptions);
      this.#socket = secure;
    } else {
      this.#socket = connect({ host, port: url.port === '' ? 80 : Number(url.port), lookup, noDelay: true, onread });
    }
    this.#connected = new Promise<void>((resolve) => {
      this.#socket.once('connect', () => {
        timing.tcpConnected();
        if (!tlsSettings) {
          this.#clearTimer();
          resolve();
        }
      });
      if (!tlsSettings || !secure) return;
      const verified = secure;
      verified.once('secureConnect', () => {
        timing.tlsFinished();
        const rejection = tlsSettings.verify ? verifyPeer(verified, url.hostname) : null;
        if (rejection) {
          this.fail(rejection);
          return;
        }
        this.#clearTimer();
        resolve();
      });
    });
    this.#arm(options.connectTimeoutMs, timeoutError.connect);
    this.#socket.on('error', (err) => {
      this.fail(err);
    });
    this.#socket.on('end', () => {
      // Held reads come before the end.
      if (!this.#held.empty) this.#endPending = true;
      else this.#ended();
    });
    this.#socket.on('close', () => {
      // A clean end still waiting behind held reads is delivered on resume; anything else ended early.
      if (!this.#endPending) this.fail(closedEarly());
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
    this.#holding = true;
    this.#socket.pause();
  }

  /** Delivers what was held, in order, then reads on (unless the reader holds again). */
  resume(): void {
    if (this.#failure) return;
    this.#holding = false;
    this.#drain();
    if (this.#failure || this.#holding) return;
    if (this.#endPending) {
      this.#endPending = false;
      this.#ended();
      return;
    }
    this.#socket.resume();
  }

  /** Hands held reads to the reader through its own buffers until none are left or it holds again. */
  #drain(): void {
    while (!this.#held.empty && !this.#holding && !this.#failure && this.#handler) {
      const target = this.#handler.buffer();
      if (target.length === 0) {
        // A reader offering no room would spin here for ever; none does (a slot or the scratch buffer).
        this.fail(new Error('the response reader offered an empty buffer'));
        return;
      }
      const chunk = this.#held.take(target.length);
      target.set(chunk);
      this.#deliver(chunk.length, target);
    }
  }

  #ended(): void {
    try {
      this.#handler?.onEnd();
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * Where the next read lands. While holding, a TLS socket may still hand over
   * records it had already decrypted (a plain socket stops at once): those go
   * to the held store, never into the reader's memory, which may still be in use.
   */
  #nextBuffer(fallback: Uint8Array): Uint8Array {
    if (this.#holding) return this.#held.lend();
    return this.#handler?.buffer() ?? fallback;
  }

  /**
   * Fails with makeError after ms without a refresh(); replaces any earlier timer. A refresh only notes
   * the time: re-inserting the timer on every read (~65k per GiB over TLS) cost ~6 % of a save's main
   * thread, so the timer, when it fires, waits again for what is left since the last read.
   */
  #arm(ms: number, makeError: () => Error): void {
    this.#clearTimer();
    this.#touchedAt = performance.now();
    const fire = (): void => {
      const quiet = performance.now() - this.#touchedAt;
      if (quiet < ms) {
        this.#timer = setTimeout(fire, ms - quiet);
        return;
      }
      this.fail(makeError());
    };
    this.#timer = setTimeout(fire, ms);
  }

  startTimer(ms: number, makeError: () => Error): void {
    this.#arm(ms, makeError);
  }

  refreshTimer(): void {
    this.#touchedAt = performance.now();
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
      if (this.#held.owns(buf)) this.#held.landed(nread);
      else if (this.#holding) this.#held.append(buf.subarray(0, nread));
      else {
        this.#deliver(nread, buf);
        return !this.#holding && !this.#failure;
      }
    } catch (err) {
      this.fail(err);
      return false;
    }
    // Node asks for the next buffer right after a read, so the first read after a resume lands in
    // the store too: handed on behind anything still held.
    if (!this.#holding) this.#drain();
    return !this.#holding && !this.#failure;
  }

  #deliver(nread: number, buf: Uint8Array): void {
    try {
      if (!(this.#handler?.onRead(nread, buf) ?? false)) this.#holding = true;
    } catch (err) {
      // Never let a throw escape into Node's read callback.
      this.fail(err);
    }
  }
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
