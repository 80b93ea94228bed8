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
export async function consumeBody(body: AsyncIterable<Buffer>, options: SinkOptions): Promise<SinkResult> {
  const { previewLimit } = options;
  const held: Buffer[] = [];
  const preview: Buffer[] = [];
  let previewBytes = 0;
  let bytes = 0;
  let file: PartialFile | null = null;

  try {
    if (options.saveFromStart) file = await openOrFail(options.openFile);
    for await (const chunk of body) {
      bytes += chunk.length;
      if (previewBytes < previewLimit) {
        const part = chunk.length <= previewLimit - previewBytes ? chunk : chunk.subarray(0, previewLimit - previewBytes);
        preview.push(part);
        previewBytes += part.length;
      }
      if (file) {
        await writeOrFail(file, chunk);
      } else if (bytes > previewLimit) {
        if (!options.canSpill) throw new TooLargeForPreviewError(previewLimit);
        file = await openOrFail(options.openFile);
        for (const earlier of held.splice(0)) await writeOrFail(file, earlier);
        await writeOrFail(file, chunk);
      } else {
        held.push(chunk);
      }
      options.onBytes(bytes);
    }
    let saved: SavedFile | null = null;
    if (file) {
      const placed = await commitOrFail(file);
      file = null;
      saved = { path: placed.path, sha256: placed.sha256, bytes };
    }
    return { bytes, preview: Buffer.concat(preview, previewBytes), truncated: bytes > previewBytes, saved };
  } finally {
    // Still set here only after a failure or cancel: remove the partial file.
    if (file) await file.discard();
  }
}

async function openOrFail(open: () => Promise<PartialFile>): Promise<PartialFile> {
  try {
    return await open();
  } catch (err) {
    throw asFileError(err, (err as { path?: unknown }).path);
  }
}

async function writeOrFail(file: PartialFile, chunk: Buffer): Promise<void> {
  try {
    await file.write(chunk);
  } catch (err) {
    throw asFileError(err, file.tempPath);
  }
}

async function commitOrFail(file: PartialFile): Promise<{ path: string; sha256: string }> {
  try {
    return await file.commit();
  } catch (err) {
    throw asFileError(err, file.tempPath);
  }
}

function asFileError(err: unknown, path: unknown): DownloadFileError {
  const code = (err as { code?: unknown }).code;
  return new DownloadFileError(typeof path === 'string' ? path : 'the download folder', typeof code === 'string' ? code : 'EIO');
}
