import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { BELL, FILE_STATE, RING, WRITER_MODE, WRITER_SOURCE } from './file-writer-worker.ts';

type WriterResult = { id: number; sha256: string } | { id: number; error: string } | { id: number; dropped: true };

interface Pending {
  resolve: (sha256: string | null) => void;
  reject: (err: Error) => void;
}

/** An idle writer thread is stopped after this long, giving its memory back. */
const IDLE_STOP_MS = 30_000;

/**
 * The one writer thread, started on the first save. It is unref'd whenever no
 * file is open, so it never keeps a process (or a test run) alive, and stopped
 * after IDLE_STOP_MS without files; the next save starts a new one.
 */
class WriterThread {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  /** See BELL: a ring count and whether the writer thread is awake (see ring()). */
  readonly #bell = new Int32Array(new SharedArrayBuffer(8));
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #idleTimer: NodeJS.Timeout | null = null;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: { bell: this.#bell.buffer, port: port2, ring: RING, state: FILE_STATE, belled: BELL, modes: WRITER_MODE },
      transferList: [port2],
    });
    this.#worker.unref();
    this.#worker.on('message', (result: WriterResult) => {
      this.#settle(result);
    });
    const failAll = (err: Error): void => {
      if (current === this) current = null;
      for (const pending of this.#pending.values()) pending.reject(err);
      this.#pending.clear();
    };
    this.#worker.on('error', failAll);
    this.#worker.on('exit', () => {
      failAll(Object.assign(new Error('the file writer stopped'), { code: 'EIO' }));
    });
  }

  /** Registers a file; the returned promise settles with its SHA-256 (null if cancelled). */
  open(fd: number, ctrl: SharedArrayBuffer, data: SharedArrayBuffer): Promise<string | null> {
    const id = this.#nextId;
    this.#nextId += 1;
    const result = new Promise<string | null>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    if (this.#pending.size === 1) this.#worker.ref();
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.#port.postMessage({ id, fd, ctrl, data });
    this.ring();
    return result;
  }

  /**
   * Tells the writer thread there is work. A wake-up is costly: V8 takes a
   * process-wide lock and the kernel often switches threads at once
   * (measured at 0.5-3 ms each on a loaded 2-core machine, a fifth of the
   * main thread's time over TLS). So while files are open the writer naps
   * and comes back by itself; only an urgent ring (ring full, finish,
   * cancel) or one to a writer asleep without files wakes it.
   */
  ring(urgent = false): void {
    Atomics.add(this.#bell, 0, 1);
    const mode = Atomics.load(this.#bell, BELL.MODE);
    if (mode === WRITER_MODE.ASLEEP || (urgent && mode === WRITER_MODE.NAPPING)) {
      // Only the first ring after it dozed off wakes it.
      if (Atomics.compareExchange(this.#bell, BELL.MODE, mode, WRITER_MODE.AWAKE) === mode) Atomics.notify(this.#bell, BELL.COUNT);
    }
  }

  #stop(): void {
    // New files go to a new thread from now on; this one has none left.
    if (current === this) current = null;
    void this.#worker.terminate();
  }

  #settle(result: WriterResult): void {
    const pending = this.#pending.get(result.id);
    if (!pending) return;
    this.#pending.delete(result.id);
    if (this.#pending.size === 0) {
      this.#worker.unref();
      this.#idleTimer = setTimeout(() => {
        this.#stop();
      }, IDLE_STOP_MS).unref();
    }
    if ('sha256' in result) pending.resolve(result.sha256);
    else if ('error' in result) pending.reject(Object.assign(new Error('write failed'), { code: result.error }));
    else pending.resolve(null);
  }
}

let current: WriterThread | null = null;

/** A slot is handed over once it holds this much (see RingFileWriter#take). */
const PUBLISH_AT = RING.SLOT_BYTES;

/**
 * Once the ring was full, reading goes on only when this many slots are free
 * again. Resuming at the first free slot paused and resumed the socket once
 * per slot (~4,000 times per GiB when the disk lags behind), each time with a
 * wake-up of the main thread and held TLS records to copy.
 */
const RESUME_FREE_SLOTS = RING.SLOTS / 4;
/** ctrl[WAKE_AT] while nobody waits: the writer thread then never notifies. */
const NOBODY_WAITS = 0x7fffffff;

/** Atomics.waitAsync is ES2024, newer than the project's TypeScript lib; Node 22+ and Electron have it. */
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

function writerThread(): WriterThread {
  current ??= new WriterThread();
  return current;
}

/**
 * Writes one file and hashes it with SHA-256 on the writer thread. The main
 * thread only copies each chunk into a shared ring, so receiving, hashing and
 * writing run in parallel and the main thread stays free.
 */
export class RingFileWriter {
  readonly #thread: WriterThread;
  readonly #ctrl = new Int32Array(new SharedArrayBuffer(4 * (RING.LENGTHS + RING.SLOTS)));
  readonly #data = new Uint8Array(new SharedArrayBuffer(RING.SLOTS * RING.SLOT_BYTES));
  readonly #result: Promise<string | null>;
  #failure: Error | null = null;
  /** Slots published so far. */
  #head = 0;
  /** Bytes copied into slot #head that are not published yet (see #take). */
  #fill = 0;

  constructor(fd: number) {
    Atomics.store(this.#ctrl, RING.WAKE_AT, NOBODY_WAITS);
    this.#thread = writerThread();
    this.#result = this.#thread.open(fd, this.#ctrl.buffer, this.#data.buffer);
    this.#result.catch((err: unknown) => {
      this.#failure ??= err instanceof Error ? err : new Error(String(err));
    });
  }

  /** Null when the chunk was taken at once; a promise when the ring was full (wait, then the rest is taken). */
  write(chunk: Uint8Array): Promise<void> | null {
    if (this.#failure) throw this.#failure;
    const taken = this.#take(chunk);
    return taken === chunk.length ? null : this.#writeLater(chunk.subarray(taken));
  }

  /**
   * The next free slot, for a socket to read into directly (no copy on the
   * main thread); null while the ring is full. Publish what landed in it with
   * publishSlot().
   */
  freeSlot(): Uint8Array | null {
    if (this.#failure) throw this.#failure;
    if (this.#head - Atomics.load(this.#ctrl, RING.TAIL) >= RING.SLOTS) return null;
    const start = (this.#head % RING.SLOTS) * RING.SLOT_BYTES;
    // The free part of the current slot: small reads (TLS records) fill it up
    // one after another before it is handed over.
    return this.#data.subarray(start + this.#fill, start + RING.SLOT_BYTES);
  }

  /** Whether freeSlot() would give room now (without making a view of it). */
  hasFreeSlot(): boolean {
    if (this.#failure) throw this.#failure;
    return this.#head - Atomics.load(this.#ctrl, RING.TAIL) < RING.SLOTS;
  }

  /**
   * Adds the first `length` bytes of `view`, the space freeSlot() returned,
   * to the current slot; a full slot goes to the writer thread. Throws if
   * `view` is no longer the free space (a copying write took it meanwhile):
   * better a failed save than a wrong file.
   */
  publishSlot(view: Uint8Array, length: number): void {
    const start = (this.#head % RING.SLOTS) * RING.SLOT_BYTES;
    const current = view.buffer === this.#data.buffer && view.byteOffset === start + this.#fill;
    if (!current || this.#head - Atomics.load(this.#ctrl, RING.TAIL) >= RING.SLOTS) throw new Error('read into a slot that is not free');
    if (length <= 0) return;
    this.#fill += Math.min(length, RING.SLOT_BYTES - this.#fill);
    if (this.#fill >= PUBLISH_AT) this.#publishFill();
  }

  /** Slots handed to the writer thread so far: each is one write. */
  get slotsPublished(): number {
    return this.#head;
  }

  /**
   * Resolves once a quarter of the ring is free again, or at once if a slot
   * is free now (or the writer failed: the next call then throws).
   */
  async roomFreed(): Promise<void> {
    this.#publishFill();
    await this.#spaceFreed();
  }

  /** Returns the file's SHA-256 once every byte taken has been written (handed to the OS, not fsync'd). */
  async finish(): Promise<string> {
    this.#publishFill();
    Atomics.store(this.#ctrl, RING.STATE, FILE_STATE.CLOSING);
    this.#thread.ring(true);
    const sha256 = await this.#result;
    if (sha256 === null) throw new Error('the file writer dropped the file');
    return sha256;
  }

  /** Stops writing; resolves once the writer thread no longer touches the file. */
  async cancel(): Promise<void> {
    Atomics.store(this.#ctrl, RING.STATE, FILE_STATE.CANCELLED);
    this.#thread.ring(true);
    await this.#result.catch(() => undefined);
  }

  /**
   * Copies as much of the chunk as the free slots hold; returns the bytes
   * taken. Small chunks (a TLS record is 16 KiB) are gathered into the
   * current slot until it is full, so the writer thread hashes and writes
   * whole slots, not one record at a time.
   */
  #take(chunk: Uint8Array): number {
    let offset = 0;
    while (offset < chunk.length && this.#head - Atomics.load(this.#ctrl, RING.TAIL) < RING.SLOTS) {
      const slot = this.#head % RING.SLOTS;
      const length = Math.min(RING.SLOT_BYTES - this.#fill, chunk.length - offset);
      this.#data.set(chunk.subarray(offset, offset + length), slot * RING.SLOT_BYTES + this.#fill);
      this.#fill += length;
      offset += length;
      if (this.#fill >= PUBLISH_AT) this.#publishFill();
    }
    return offset;
  }

  /** Hands the gathered bytes of the current slot to the writer thread. */
  #publishFill(): void {
    if (this.#fill === 0) return;
    this.#ctrl[RING.LENGTHS + (this.#head % RING.SLOTS)] = this.#fill;
    this.#fill = 0;
    this.#head += 1;
    Atomics.store(this.#ctrl, RING.HEAD, this.#head);
    this.#thread.ring();
  }

  async #writeLater(rest: Uint8Array): Promise<void> {
    let remaining = rest;
    while (remaining.length > 0) {
      await this.#spaceFreed();
      if (this.#failure) throw this.#failure;
      remaining = remaining.subarray(this.#take(remaining));
    }
  }

  /**
   * If the ring is full: waits, without blocking the main thread, until the
   * writer has freed RESUME_FREE_SLOTS slots (or failed).
   */
  async #spaceFreed(): Promise<void> {
    if (this.#head - Atomics.load(this.#ctrl, RING.TAIL) < RING.SLOTS) return;
    const wakeAt = this.#head - RING.SLOTS + RESUME_FREE_SLOTS;
    // Set before TAIL is read: the writer stores TAIL before it reads WAKE_AT, so one of the two
    // sees the other's write and no wake-up is lost.
    Atomics.store(this.#ctrl, RING.WAKE_AT, wakeAt);
    this.#thread.ring(true);
    try {
      for (;;) {
        if (this.#failure) return;
        if (Atomics.load(this.#ctrl, RING.STATE) === FILE_STATE.FAILED) {
          // The reason arrives by message just after; wait for it so it is reported.
          await this.#result.catch(() => undefined);
          return;
        }
        const tail = Atomics.load(this.#ctrl, RING.TAIL);
        if (tail >= wakeAt) return;
        const wait = waitAsync(this.#ctrl, RING.TAIL, tail, 1000);
        if (wait.async) await wait.value;
      }
    } finally {
      Atomics.store(this.#ctrl, RING.WAKE_AT, NOBODY_WAITS);
    }
  }
}
