/** Room for the TLS records that still arrive after reading was paused (at most one TCP read's worth). */
const INITIAL_BYTES = 128 * 1024;
/** Less free room than this at the end is moved to the front (or the store grows) before it is lent. */
const MIN_ROOM = 16 * 1024;

/**
 * Reads that arrived while the reader held, kept in order in one buffer of
 * its own: Node decrypts straight into the free end (lend), so nothing is
 * allocated per held read and no garbage waits for the GC. Under a slow disk
 * a 1 GiB save pauses thousands of times; a fresh buffer per held record
 * (~140 MiB of copies per GiB) nearly doubled the save's RSS growth.
 */
export class HeldReads {
  #store: Buffer | null = null;
  /** Held bytes are store[#start, #end). */
  #start = 0;
  #end = 0;
  /** The view last lent to Node for a read, and where in the store it starts. */
  #lent: Uint8Array | null = null;
  #lentAt = 0;

  get empty(): boolean {
    return this.#start === this.#end;
  }

  /** The free end of the store, for Node to read into; the read is announced with landed(). */
  lend(): Uint8Array {
    const store = this.#room();
    this.#lentAt = this.#end;
    this.#lent = store.subarray(this.#end);
    return this.#lent;
  }

  /** Whether buf is the view lend() gave out (the read landed in the store, behind what is held). */
  owns(buf: Uint8Array): boolean {
    return buf === this.#lent;
  }

  /** nread bytes landed in the lent view: they join the held bytes. */
  landed(nread: number): void {
    // Node lends one buffer per read, and only take() (which moves #start) runs in between: the read
    // lands right behind the held bytes. Anything else would reorder the body: fail rather than write it.
    if (this.#lentAt !== this.#end) throw new Error('a held read landed out of order');
    this.#end = this.#lentAt + nread;
    this.#lent = null;
  }

  /** Holds a copy of bytes that landed elsewhere (in the reader's memory after it asked to hold). */
  append(bytes: Uint8Array): void {
    let rest = bytes;
    while (rest.length > 0) {
      const target = this.lend();
      const n = Math.min(target.length, rest.length);
      target.set(rest.subarray(0, n));
      this.landed(n);
      rest = rest.subarray(n);
    }
  }

  /** The oldest held bytes, at most max of them, released from the store (valid until the next lend). */
  take(max: number): Uint8Array {
    const store = this.#store;
    if (!store) return new Uint8Array(0);
    const n = Math.min(max, this.#end - this.#start);
    const out = store.subarray(this.#start, this.#start + n);
    this.#start += n;
    return out;
  }

  /** The store with at least MIN_ROOM free at its end: emptied, compacted or grown as needed. */
  #room(): Buffer {
    let store = (this.#store ??= Buffer.allocUnsafe(INITIAL_BYTES));
    if (this.#start === this.#end) this.#start = this.#end = 0;
    if (store.length - this.#end >= MIN_ROOM) return store;
    const held = this.#end - this.#start;
    if (store.length - held < MIN_ROOM) {
      // More held than one TCP read's worth: not seen in practice, but never drop a byte.
      const grown = Buffer.allocUnsafe(store.length * 2);
      store.copy(grown, 0, this.#start, this.#end);
      this.#store = store = grown;
    } else {
      store.copyWithin(0, this.#start, this.#end);
    }
    this.#start = 0;
    this.#end = held;
    return store;
  }
}
