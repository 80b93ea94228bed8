import type { SavedFile } from '../../contract/http.ts';
import { asFileError, commitOrFail, openOrFail } from '../body-sink.ts';
import type { SinkResult } from '../body-sink.ts';
import type { PartialFile } from '../download-target.ts';
import { ChunkedDecoder } from './chunked.ts';
import { closedEarly, timeoutError } from './errors.ts';
import type { DirectResponse } from './exchange.ts';

export interface DirectSinkOptions {
  previewLimit: number;
  bodyIdleMs: number;
  openFile: () => Promise<PartialFile>;
  onBytes: (bytes: number) => void;
}

/**
 * Reads the body of a direct response into a file: the socket reads straight
 * into free slots of the writer thread's ring (Content-Length and
 * close-delimited bodies need no copy at all; chunked bodies are compacted in
 * place), the first previewLimit bytes are copied for the preview. The file
 * only appears under its final name complete; on any failure it is removed.
 */
export async function readDirectBody(response: DirectResponse, options: DirectSinkOptions): Promise<SinkResult> {
  const { socket, framing, scratch } = response;
  const preview = Buffer.allocUnsafe(options.previewLimit);
  let previewBytes = 0;
  let bytes = 0;
  let remaining = framing.kind === 'length' ? framing.length : Number.POSITIVE_INFINITY;
  const decoder = framing.kind === 'chunked' ? new ChunkedDecoder() : null;
  let file: PartialFile | null = null;
  try {
    const opened = await openOrFail(options.openFile);
    file = opened;
    const fileError = (err: unknown): Error => asFileError(err, opened.tempPath);
    let done = framing.kind === 'none' || remaining === 0;

    /** Counts body bytes buf[from, to) and copies the preview's share. */
    const seen = (buf: Uint8Array, from: number, to: number): void => {
      if (previewBytes < options.previewLimit) {
        const part = Math.min(to - from, options.previewLimit - previewBytes);
        preview.set(buf.subarray(from, from + part), previewBytes);
        previewBytes += part;
      }
      bytes += to - from;
      options.onBytes(bytes);
    };

    /** Body bytes of buf[0, nread) moved to buf[0, n); sets done at the body's end. */
    const unframe = (buf: Uint8Array, nread: number): number => {
      if (decoder) {
        let kept = 0;
        decoder.decode(buf, 0, nread, (from, to) => {
          buf.copyWithin(kept, from, to);
          kept += to - from;
        });
        done = decoder.done;
        return kept;
      }
      const n = Math.min(nread, remaining);
      remaining -= n;
      done = remaining === 0;
      return n;
    };

    // What came with the head goes through the ordinary (copying) write.
    const leftover = Buffer.from(response.leftover);
    if (!done && leftover.length > 0) {
      const n = unframe(leftover, leftover.length);
      seen(leftover, 0, n);
      try {
        await opened.write(leftover.subarray(0, n));
      } catch (err) {
        throw fileError(err);
      }
    }

    if (!done) {
      /** A copying write is still placing scratch bytes in the ring: reads must not go to a slot meanwhile. */
      let copying = false;
      await new Promise<void>((resolve, reject) => {
        const finish = (): void => {
          socket.close();
          resolve();
        };
        const waitForSlot = (): void => {
          socket.stopTimer();
          opened.roomFreed().then(() => {
            socket.startTimer(options.bodyIdleMs, timeoutError.body);
            socket.resume();
          }, (err: unknown) => socket.fail(fileError(err)));
        };
        socket.setHandler(
          {
            buffer: () => {
              if (copying) return scratch;
              try {
                return opened.freeSlot() ?? scratch;
              } catch {
                return scratch; // the writer failed: reported by the read that follows
              }
            },
            onRead: (nread, buf) => {
              socket.refreshTimer();
              const n = unframe(buf, nread);
              seen(buf, 0, n);
              if (buf === scratch) {
                // No free slot when this read began: copy, and wait if the ring is still full.
                const lagging = writeChunk(opened, scratch.subarray(0, n), fileError);
                if (done) {
                  if (lagging) lagging.then(finish, reject);
                  else finish();
                  return false;
                }
                if (lagging) {
                  socket.stopTimer();
                  copying = true;
                  lagging.then(() => {
                    copying = false;
                    socket.startTimer(options.bodyIdleMs, timeoutError.body);
                    socket.resume();
                  }, (err: unknown) => socket.fail(err));
                  return false;
                }
                return true;
              }
              let free: boolean;
              try {
                opened.publishSlot(buf, n);
                free = opened.hasFreeSlot();
              } catch (err) {
                throw fileError(err);
              }
              if (done) {
                finish();
                return false;
              }
              if (free) return true;
              waitForSlot();
              return false;
            },
            onEnd: () => {
              if (framing.kind === 'close') {
                done = true;
                finish();
              } else {
                socket.fail(closedEarly());
              }
            },
          },
          reject,
        );
        socket.startTimer(options.bodyIdleMs, timeoutError.body);
        socket.resume();
      });
    } else {
      socket.close();
    }

    file = null;
    const placed = await commitOrFail(opened);
    const saved: SavedFile = { path: placed.path, sha256: placed.sha256, bytes };
    return { bytes, preview: Buffer.from(preview.subarray(0, previewBytes)), truncated: bytes > previewBytes, saved };
  } catch (err) {
    socket.fail(err);
    throw err;
  } finally {
    // Still set only after a failure or cancel: remove the partial file.
    const leftoverFile: PartialFile | null = file;
    if (leftoverFile) await leftoverFile.discard();
  }
}

/** The copying write, with its failure as a file error; null when nothing needs awaiting. */
function writeChunk(file: PartialFile, chunk: Uint8Array, asError: (err: unknown) => Error): Promise<void> | null {
  try {
    return file.write(chunk)?.catch((err: unknown) => {
      throw asError(err);
    }) ?? null;
  } catch (err) {
    throw asError(err);
  }
}
