import type { Readable } from 'node:stream';
import type { SavedFile } from '../contract/http.ts';
import type { PartialFile } from './download-target.ts';
import { DownloadFileError, TooLargeForPreviewError } from './failures.ts';

export interface SinkOptions {
  previewLimit: number;
  /** Write to a file from the first byte (the caller asked to save). */
  saveFromStart: boolean;
  /** May a body that outgrows the preview spill to a file? If not, it is an error. */
  canSpill: boolean;
  openFile: () => Promise<PartialFile>;
  onBytes: (bytes: number) => void;
}

export interface SinkResult {
  bytes: number;
  /** The first previewLimit bytes. */
  preview: Buffer;
  truncated: boolean;
  saved: SavedFile | null;
}

/**
 * Reads a response body once. Small bodies stay in memory for display; from
 * the moment a body is to be saved or grows past the preview it goes to a
 * temporary file as it arrives (hashed on the way), so memory stays bounded
 * by the preview plus the writer's buffers whatever the body size.
 */
export async function consumeBody(body: Readable, options: SinkOptions): Promise<SinkResult> {
  const { previewLimit } = options;
  const held: Buffer[] = [];
  const preview: Buffer[] = [];
  let previewBytes = 0;
  let bytes = 0;
  let file: PartialFile | null = null;

  try {
    if (options.saveFromStart) file = await openOrFail(options.openFile);
    // 'data' events rather than for-await: no promise per chunk, and the
    // chunk is written while it is still warm in the CPU cache.
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      let spilling = false;
      /** A write or the spill file's opening is still pending; the end waits for it. */
      let waiting = false;
      const fail = (err: unknown): void => {
        if (settled) return;
        settled = true;
        body.off('data', onData);
        reject(err instanceof Error ? err : new Error(String(err)));
      };
      const waitFor = (lagging: Promise<void>): void => {
        body.pause();
        waiting = true;
        lagging.then(() => {
          waiting = false;
          if (settled) return;
          if (body.readableEnded) {
            settled = true;
            resolve();
          } else {
            body.resume();
          }
        }, fail);
      };
      const spill = async (): Promise<void> => {
        const opened = await openOrFail(options.openFile);
        // The body failed while the file was opening: the cleanup below has already run.
        if (settled) {
          await opened.discard();
          return;
        }
        file = opened;
        // Chunks that came in while the file was opening are in held too.
        for (const earlier of held.splice(0)) await writeOrFail(opened, earlier);
      };
      const onData = (chunk: Buffer): void => {
        try {
          bytes += chunk.length;
          if (previewBytes < previewLimit) {
            const part = chunk.length <= previewLimit - previewBytes ? chunk : chunk.subarray(0, previewLimit - previewBytes);
            preview.push(part);
            previewBytes += part.length;
          }
          if (file) {
            const lagging = writeOrFail(file, chunk);
            if (lagging) waitFor(lagging);
          } else if (spilling || bytes <= previewLimit) {
            held.push(chunk);
          } else {
            if (!options.canSpill) throw new TooLargeForPreviewError(previewLimit);
            spilling = true;
            held.push(chunk);
            waitFor(spill());
          }
          options.onBytes(bytes);
        } catch (err) {
          fail(err);
        }
      };
      body.on('data', onData);
      body.once('error', fail);
      body.once('end', () => {
        // A pending write or spill reports the end itself once it is done.
        if (waiting) return;
        settled = true;
        resolve();
      });
      body.once('close', () => {
        if (!settled && !body.readableEnded) fail(new Error('the response body was closed early'));
      });
      // The body may have failed while the file was opening, before these
      // listeners existed: its 'error' and 'close' have then already fired.
      if (body.errored) fail(body.errored);
      else if (body.destroyed && !body.readableEnded) fail(new Error('the response body was closed early'));
    });
    let saved: SavedFile | null = null;
    const finished: PartialFile | null = file;
    if (finished) {
      const placed = await commitOrFail(finished);
      file = null;
      saved = { path: placed.path, sha256: placed.sha256, bytes };
    }
    return { bytes, preview: Buffer.concat(preview, previewBytes), truncated: bytes > previewBytes, saved };
  } finally {
    // Still set here only after a failure or cancel: remove the partial file.
    const leftover: PartialFile | null = file;
    if (leftover) await leftover.discard();
  }
}

export async function openOrFail(open: () => Promise<PartialFile>): Promise<PartialFile> {
  try {
    return await open();
  } catch (err) {
    throw asFileError(err, (err as { path?: unknown }).path);
  }
}

/** Null when the chunk was taken without waiting (the common case: no promise, no microtask). */
export function writeOrFail(file: PartialFile, chunk: Buffer): Promise<void> | null {
  const asOwnError = (err: unknown): never => {
    throw asFileError(err, file.tempPath);
  };
  try {
    return file.write(chunk)?.catch(asOwnError) ?? null;
  } catch (err) {
    return asOwnError(err);
  }
}

export async function commitOrFail(file: PartialFile): Promise<{ path: string; sha256: string }> {
  try {
    return await file.commit();
  } catch (err) {
    throw asFileError(err, file.tempPath);
  }
}

export function asFileError(err: unknown, path: unknown): DownloadFileError {
  const code = (err as { code?: unknown }).code;
  return new DownloadFileError(typeof path === 'string' ? path : 'the download folder', typeof code === 'string' ? code : 'EIO');
}
