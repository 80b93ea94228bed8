/**
 * Layout shared by the main thread and the writer thread. Each file has a
 * control Int32Array and a ring of SLOTS slots of SLOT_BYTES; the main thread
 * fills slots in order and publishes them by advancing HEAD, the writer
 * thread hashes and writes them and advances TAIL.
 */
export const RING = {
  SLOTS: 64,
  SLOT_BYTES: 128 * 1024,
  HEAD: 0,
  TAIL: 1,
  STATE: 2,
  /** The writer wakes a waiting main thread only once TAIL reaches ctrl[WAKE_AT] (see RingFileWriter#spaceFreed). */
  WAKE_AT: 3,
  /** ctrl[LENGTHS + i]: bytes in slot i. */
  LENGTHS: 4,
} as const;

/** The writer thread's doorbell: COUNT goes up on every ring; MODE says whether it must be woken. */
export const BELL = { COUNT: 0, MODE: 1 } as const;
/** ASLEEP: no files, woken by any ring. NAPPING: files open, wakes by itself within NAP_MAX_MS. */
export const WRITER_MODE = { AWAKE: 0, ASLEEP: 1, NAPPING: 2 } as const;

/** Values of ctrl[STATE]. */
export const FILE_STATE = { OPEN: 0, CLOSING: 1, CANCELLED: 2, FAILED: 3 } as const;

/**
 * The writer thread's code. It is evaluated from this string (Worker `eval`)
 * so that it travels inside the electron-vite main bundle: there is no
 * separate worker file to locate at run time. It uses no require/import
 * (process.getBuiltinModule) because an eval'd worker inherits the parent's
 * flags, and --input-type=module would make it an ES module.
 *
 * One long-lived thread serves every file being saved: it sleeps on a shared
 * doorbell (Atomics.wait) and is never sent a message per chunk. New files
 * arrive on a MessagePort it drains synchronously; results go back by
 * postMessage, once per file.
 */
export const WRITER_SOURCE = `
const { workerData, parentPort, receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
const { createHash } = process.getBuiltinModule('node:crypto');
const { writeSync } = process.getBuiltinModule('node:fs');
const { bell: bellBuffer, port, ring, state, belled, modes } = workerData;
const bell = new Int32Array(bellBuffer);
const files = new Map();
// Naps start short (data is flowing) and grow while there is nothing to do.
const NAP_MIN_MS = 1;
const NAP_MAX_MS = 20;
let nap = NAP_MIN_MS;
let worked = false;

for (;;) {
  const seen = Atomics.load(bell, belled.COUNT);
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    const { id, fd, ctrl, data } = m.message;
    files.set(id, { id, fd, ctrl: new Int32Array(ctrl), data: new Uint8Array(data), hash: createHash('sha256'), tail: 0 });
  }
  worked = false;
  for (const file of files.values()) serve(file);
  nap = worked ? NAP_MIN_MS : Math.min(NAP_MAX_MS, nap * 2);
  // Say how we sleep before the last look at the count: a ring after this
  // either changes the count (no sleep) or sees the mode and wakes us if it must.
  const mode = files.size > 0 ? modes.NAPPING : modes.ASLEEP;
  Atomics.store(bell, belled.MODE, mode);
  if (Atomics.load(bell, belled.COUNT) === seen) Atomics.wait(bell, belled.COUNT, seen, mode === modes.NAPPING ? nap : Infinity);
  Atomics.store(bell, belled.MODE, modes.AWAKE);
}

function serve(file) {
  const { ctrl } = file;
  // Read before HEAD: the main thread publishes its last slot before it sets CLOSING.
  const mode = Atomics.load(ctrl, ring.STATE);
  if (mode === state.CANCELLED) return finish(file, { id: file.id, dropped: true });
  const head = Atomics.load(ctrl, ring.HEAD);
  // At most one ring's worth per visit, so concurrent files take turns.
  const stop = Math.min(head, file.tail + ring.SLOTS);
  try {
    while (file.tail < stop) {
      const i = file.tail % ring.SLOTS;
      const length = ctrl[ring.LENGTHS + i];
      const view = file.data.subarray(i * ring.SLOT_BYTES, i * ring.SLOT_BYTES + length);
      file.hash.update(view);
      for (let done = 0; done < length; ) done += writeSync(file.fd, view, done, length - done);
      file.tail += 1;
      worked = true;
      Atomics.store(ctrl, ring.TAIL, file.tail);
      // A wake-up per slot cost the main thread a task each: only when it has room enough to read on.
      if (file.tail >= Atomics.load(ctrl, ring.WAKE_AT)) Atomics.notify(ctrl, ring.TAIL);
    }
  } catch (err) {
    Atomics.store(ctrl, ring.STATE, state.FAILED);
    Atomics.notify(ctrl, ring.TAIL);
    const code = err && typeof err.code === 'string' ? err.code : 'EIO';
    return finish(file, { id: file.id, error: code });
  }
  if (mode === state.CLOSING && file.tail === head) finish(file, { id: file.id, sha256: file.hash.digest('hex') });
  else if (file.tail < head) Atomics.add(bell, 0, 1); // more to do: come round again without sleeping
}

function finish(file, result) {
  files.delete(file.id);
  parentPort.postMessage(result);
}
`;
