import { protocolError } from './errors.ts';
import { parseField } from './response-head.ts';

/** Bounds for the parts of a chunked body that are not data. */
export interface ChunkedLimits {
  /** Hex digits of one chunk size (leading zeros included). */
  maxSizeDigits: number;
  /** One chunk-size line with its extensions. */
  maxLineBytes: number;
  /** All trailer lines together. */
  maxTrailerBytes: number;
}

export const DEFAULT_CHUNKED_LIMITS: ChunkedLimits = { maxSizeDigits: 16, maxLineBytes: 4096, maxTrailerBytes: 16 * 1024 };

const STATE = { SIZE: 0, EXT: 1, SIZE_LF: 2, DATA: 3, DATA_CR: 4, DATA_LF: 5, TRAILER: 6, TRAILER_LF: 7, DONE: 8 } as const;
type State = (typeof STATE)[keyof typeof STATE];

const CR = 0x0d;
const LF = 0x0a;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * A strict, incremental decoder for `Transfer-Encoding: chunked` (RFC 9112
 * section 7.1). It reports where the data bytes are instead of copying them,
 * so a caller can compact them in place (the data always lies at or after
 * where it will be moved). Sizes are exact integers below 2^53; CRLF is
 * required everywhere; trailers are checked like headers and then dropped.
 */
export class ChunkedDecoder {
  readonly #limits: ChunkedLimits;
  #state: State = STATE.SIZE;
  #size = 0;
  #digits = 0;
  #lineBytes = 0;
  #remaining = 0;
  #trailer = '';
  #trailerBytes = 0;

  constructor(limits: ChunkedLimits = DEFAULT_CHUNKED_LIMITS) {
    this.#limits = limits;
  }

  get done(): boolean {
    return this.#state === STATE.DONE;
  }

  /**
   * Decodes data[start, end). Calls onData(from, to) for each run of body
   * bytes, in order. Returns the index just past the final CRLF once the body
   * is complete (bytes after it are not part of the body), else `end`.
   */
  decode(data: Uint8Array, start: number, end: number, onData: (from: number, to: number) => void): number {
    let i = start;
    while (i < end) {
      if (this.#state === STATE.DATA) {
        const take = Math.min(this.#remaining, end - i);
        onData(i, i + take);
        i += take;
        this.#remaining -= take;
        if (this.#remaining === 0) this.#state = STATE.DATA_CR;
        continue;
      }
      if (this.done) return i;
      this.#step(data[i] ?? 0);
      i += 1;
    }
    return end;
  }

  #step(byte: number): void {
    switch (this.#state) {
      case STATE.SIZE:
        this.#line();
        if (byte === CR && this.#digits > 0) {
          this.#state = STATE.SIZE_LF;
        } else if (byte === 0x3b && this.#digits > 0) {
          this.#state = STATE.EXT;
        } else {
          const digit = hexValue(byte);
          if (digit < 0) throw protocolError('invalid chunk size');
          this.#digits += 1;
          if (this.#digits > this.#limits.maxSizeDigits) throw protocolError('chunk size too long');
          if (this.#size > (Number.MAX_SAFE_INTEGER - digit) / 16) throw protocolError('chunk size too large');
          this.#size = this.#size * 16 + digit;
        }
        return;
      case STATE.EXT:
        // Extensions are ignored, but only printable bytes are let through.
        this.#line();
        if (byte === CR) this.#state = STATE.SIZE_LF;
        else if (byte !== 0x09 && (byte < 0x20 || byte === 0x7f)) throw protocolError('invalid chunk extension');
        return;
      case STATE.SIZE_LF:
        if (byte !== LF) throw protocolError('chunk size line not ended by CRLF');
        this.#lineBytes = 0;
        this.#digits = 0;
        if (this.#size === 0) {
          this.#state = STATE.TRAILER;
        } else {
          this.#remaining = this.#size;
          this.#size = 0;
          this.#state = STATE.DATA;
        }
        return;
      case STATE.DATA_CR:
        if (byte !== CR) throw protocolError('chunk data longer than its size');
        this.#state = STATE.DATA_LF;
        return;
      case STATE.DATA_LF:
        if (byte !== LF) throw protocolError('chunk data not ended by CRLF');
        this.#state = STATE.SIZE;
        return;
      case STATE.TRAILER:
        this.#trailerBytes += 1;
        if (this.#trailerBytes > this.#limits.maxTrailerBytes) throw protocolError('trailers too large');
        if (byte === CR) {
          this.#state = STATE.TRAILER_LF;
        } else {
          if (byte === LF) throw protocolError('bare LF in trailers');
          this.#trailer += String.fromCharCode(byte);
        }
        return;
      case STATE.TRAILER_LF:
        if (byte !== LF) throw protocolError('bare CR in trailers');
        if (this.#trailer === '') {
          this.#state = STATE.DONE;
        } else {
          parseField(this.#trailer);
          this.#trailer = '';
          this.#state = STATE.TRAILER;
        }
        return;
      default:
        return;
    }
  }

  #line(): void {
    this.#lineBytes += 1;
    if (this.#lineBytes > this.#limits.maxLineBytes) throw protocolError('chunk size line too long');
  }
}
