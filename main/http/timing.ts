import type { TimingBreakdown } from '../contract/http.ts';

/**
 * Collects phase marks for one exchange. Marks come from the connector (DNS,
 * TCP, TLS of the latest connection opened) and from the executor (start of
 * the exchange and of the current redirect hop, headers, end). A phase whose
 * marks never arrived did not happen, e.g. DNS for an IP literal.
 */
export class TimingRecorder {
  readonly #now: () => number;
  readonly #start: number;
  #hopStart: number;
  #dnsStart: number | null = null;
  #dnsEnd: number | null = null;
  #connectStart: number | null = null;
  #tcpEnd: number | null = null;
  #tlsEnd: number | null = null;
  #headers: number | null = null;
  #end: number | null = null;

  constructor(now: () => number) {
    this.#now = now;
    this.#start = now();
    this.#hopStart = this.#start;
  }

  /** A new request on the wire (the first, or a redirect hop). */
  hopStarted(): void {
    this.#hopStart = this.#now();
    this.#headers = this.#end = null;
  }

  /** A new connection: phases of an earlier one are forgotten. */
  connectStarted(): void {
    this.#dnsStart = this.#dnsEnd = this.#tcpEnd = this.#tlsEnd = null;
    this.#connectStart = this.#now();
  }
  dnsStarted(): void {
    this.#dnsStart = this.#now();
  }
  dnsFinished(): void {
    this.#dnsEnd = this.#now();
  }
  tcpConnected(): void {
    this.#tcpEnd = this.#now();
  }
  tlsFinished(): void {
    this.#tlsEnd = this.#now();
  }
  headersReceived(): void {
    this.#headers = this.#now();
  }
  bodyFinished(): void {
    this.#end = this.#now();
  }

  breakdown(): TimingBreakdown {
    const end = this.#end ?? this.#now();
    const headers = this.#headers ?? end;
    const dnsMs = this.#dnsStart !== null && this.#dnsEnd !== null ? this.#dnsEnd - this.#dnsStart : null;
    const connectFrom = this.#dnsEnd ?? this.#connectStart;
    const connectMs = connectFrom !== null && this.#tcpEnd !== null ? this.#tcpEnd - connectFrom : null;
    const tlsMs = this.#tcpEnd !== null && this.#tlsEnd !== null ? this.#tlsEnd - this.#tcpEnd : null;
    // First byte counts from when the request could go out (connection ready,
    // or the hop's start on a reused connection) to the response head.
    const ready = Math.max(this.#hopStart, this.#tlsEnd ?? this.#tcpEnd ?? this.#hopStart);
    const round = (ms: number): number => Math.max(0, Math.round(ms * 100) / 100);
    return {
      dnsMs: dnsMs === null ? null : round(dnsMs),
      connectMs: connectMs === null ? null : round(connectMs),
      tlsMs: tlsMs === null ? null : round(tlsMs),
      firstByteMs: round(headers - ready),
      downloadMs: round(end - headers),
      totalMs: round(end - this.#start),
    };
  }
}
