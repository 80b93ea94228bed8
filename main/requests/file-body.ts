import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { SigningError, type RequestBody } from '../signing/index.ts';

/** The most a multipart or binary-file body may weigh (all its files and fields together): it is held in memory while it is sent. */
export const MAX_FILE_BODY_BYTES = 50 * 1024 * 1024;

/** A body made of files, read and encoded by main just before the request goes out. */
export type FileBody = {
  readonly bytes: Uint8Array;
  /** multipart/form-data with its boundary, or the binary body's type (a request's own Content-Type header wins for binary). */
  readonly contentType: string;
  /** What History, traces and previews show instead of the bytes: the parts, with each file by name and size, never its content. */
  readonly preview: string;
};

/** A file that cannot be sent: every such error names the path, and nothing is sent. */
export class BodyFileError extends SigningError {}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return mib(bytes);
}

// readFile never answers shared memory: saying so lets a Blob take the bytes without a copy.
type Read = { readonly bytes: Uint8Array<ArrayBuffer>; readonly size: number };

/** Reads the files of one body, checking each and the total against the limit before any is read whole. */
async function readFiles(paths: readonly { label: string; path: string }[], limit: number): Promise<Map<string, Read>> {
  const sizes = new Map<string, number>();
  let total = 0;
  for (const { label, path } of paths) {
    if (path.trim() === '') throw new BodyFileError(`${label} has no file: choose one.`);
    if (!isAbsolute(path)) throw new BodyFileError(`${label}: the path ${path} is not absolute. Give the file's full path.`);
    if (sizes.has(path)) continue;
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new BodyFileError(`${label}: ${path} cannot be read (${reason(error)}). Nothing was sent.`);
    }
    if (!info.isFile()) throw new BodyFileError(`${label}: ${path} is not a file. Nothing was sent.`);
    sizes.set(path, info.size);
    total += info.size;
    if (total > limit) throw new BodyFileError(`${label}: ${path} (${mib(info.size)}) makes the body larger than ${mib(limit)}, the most a request body may be. Nothing was sent.`);
  }
  const out = new Map<string, Read>();
  for (const [path] of sizes) {
    try {
      const bytes = await readFile(path);
      out.set(path, { bytes, size: bytes.byteLength });
    } catch (error) {
      throw new BodyFileError(`${path} cannot be read (${reason(error)}). Nothing was sent.`);
    }
  }
  return out;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return typeof code === 'string' ? code : 'unreadable';
}

/**
 * The bytes of a multipart or binary-file body, or null for the kinds that
 * are text. Multipart is encoded by the platform's own FormData (the WHATWG
 * algorithm browsers use: a fresh random boundary, names and filenames with
 * `"`, CR and LF escaped, text values with CRLF line breaks).
 */
export async function buildFileBody(body: RequestBody, limit = MAX_FILE_BODY_BYTES): Promise<FileBody | null> {
  if (body.kind === 'binary') {
    const files = await readFiles([{ label: 'The binary body', path: body.path }], limit);
    const read = files.get(body.path);
    if (read === undefined) return null;
    return { bytes: read.bytes, contentType: 'application/octet-stream', preview: `[file ${basename(body.path)}, ${formatSize(read.size)}]` };
  }
  if (body.kind !== 'multipart') return null;
  const files = await readFiles(
    body.parts.flatMap((part) => (part.kind === 'file' ? [{ label: `File part "${part.name}"`, path: part.path }] : [])),
    limit,
  );
  const form = new FormData();
  const preview: string[] = [];
  for (const part of body.parts) {
    if (part.kind === 'text') {
      form.append(part.name, part.value);
      preview.push(`${part.name}: ${part.value}`);
      continue;
    }
    const read = files.get(part.path);
    if (read === undefined) continue;
    const fileName = part.fileName ?? basename(part.path);
    const type = part.contentType ?? 'application/octet-stream';
    form.append(part.name, new Blob([read.bytes], { type }), fileName);
    preview.push(`${part.name}: [file ${fileName}, ${type}, ${formatSize(read.size)}]`);
  }
  const encoded = new Response(form);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  if (bytes.byteLength > limit) throw new BodyFileError(`The multipart body is ${mib(bytes.byteLength)}, larger than ${mib(limit)}, the most a request body may be. Nothing was sent.`);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { bytes, contentType, preview: `multipart/form-data\n${preview.join('\n')}` };
}

/** What the editor shows for a body file: its name and size, or why it cannot be sent. Reads only its metadata. */
export async function bodyFileFacts(path: string, limit = MAX_FILE_BODY_BYTES): Promise<{ path: string; name: string; size: number | null; problem: string | null }> {
  const name = basename(path);
  if (path.trim() === '') return { path, name, size: null, problem: 'Choose a file.' };
  if (path.includes('{{')) return { path, name, size: null, problem: null };
  if (!isAbsolute(path)) return { path, name, size: null, problem: `${path} is not absolute: give the file's full path.` };
  try {
    const info = await stat(path);
    if (!info.isFile()) return { path, name, size: null, problem: `${path} is not a file.` };
    if (info.size > limit) return { path, name, size: info.size, problem: `${formatSize(info.size)} is larger than ${mib(limit)}, the most a request body may be.` };
    return { path, name, size: info.size, problem: null };
  } catch (error) {
    return { path, name, size: null, problem: `${path} cannot be read (${reason(error)}).` };
  }
}
