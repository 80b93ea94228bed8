import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { SigningError, type RequestBody } from '../signing/index.ts';
import { parseTemplate } from '../signing/template.ts';
import { BodyFileRefused, checkBodyFile, openBodyFile, refusalText, type BodyFileRules, type OpenedBodyFile } from './file-access.ts';

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

// Read into a plain ArrayBuffer (never shared memory), so a Blob takes the bytes without a copy.
type Read = { readonly bytes: Uint8Array<ArrayBuffer>; readonly size: number };

/**
 * Reads the files of one body: each must be allowed (file-access.ts), and
 * each and the total are checked against the limit before any is read. The
 * bytes come from the file that was opened and checked, never from the path again.
 */
async function readFiles(paths: readonly { label: string; path: string }[], rules: BodyFileRules, limit: number): Promise<Map<string, Read>> {
  const opened = new Map<string, OpenedBodyFile>();
  try {
    let total = 0;
    for (const { label, path } of paths) {
      if (path.trim() === '') throw new BodyFileError(`${label} has no file: choose one.`);
      if (!isAbsolute(path)) throw new BodyFileError(`${label}: the path ${path} is not absolute. Give the file's full path.`);
      if (opened.has(path)) continue;
      let file: OpenedBodyFile;
      try {
        file = await openBodyFile(path, rules);
      } catch (error) {
        if (error instanceof BodyFileRefused) throw new BodyFileError(`${label}: ${error.message}`);
        throw new BodyFileError(`${label}: ${path} cannot be read (${reason(error)}). Nothing was sent.`);
      }
      opened.set(path, file);
      total += file.size;
      if (total > limit) throw new BodyFileError(`${label}: ${path} (${mib(file.size)}) makes the body larger than ${mib(limit)}, the most a request body may be. Nothing was sent.`);
    }
    const out = new Map<string, Read>();
    for (const [path, file] of opened) out.set(path, await readOpened(path, file));
    return out;
  } finally {
    await Promise.all([...opened.values()].map((file) => file.handle.close().catch(() => undefined)));
  }
}

/** Exactly the size that was checked: a file that shrank since is refused rather than sent short. */
async function readOpened(path: string, file: OpenedBodyFile): Promise<Read> {
  const bytes = new Uint8Array(new ArrayBuffer(file.size));
  let at = 0;
  try {
    while (at < file.size) {
      const { bytesRead } = await file.handle.read(bytes, at, file.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
  } catch (error) {
    throw new BodyFileError(`${path} cannot be read (${reason(error)}). Nothing was sent.`);
  }
  if (at < file.size) throw new BodyFileError(`${path} became shorter while it was read. Nothing was sent.`);
  return { bytes, size: file.size };
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
export async function buildFileBody(body: RequestBody, rules: BodyFileRules, limit = MAX_FILE_BODY_BYTES): Promise<FileBody | null> {
  if (body.kind === 'binary') {
    const files = await readFiles([{ label: 'The binary body', path: body.path }], rules, limit);
    const read = files.get(body.path);
    if (read === undefined) return null;
    return { bytes: read.bytes, contentType: 'application/octet-stream', preview: `[file ${basename(body.path)}, ${formatSize(read.size)}]` };
  }
  if (body.kind !== 'multipart') return null;
  const files = await readFiles(
    body.parts.flatMap((part) => (part.kind === 'file' ? [{ label: `File part "${part.name}"`, path: part.path }] : [])),
    rules,
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

/** Whether a body may read the file: null when that cannot be told yet (no path, a variable in it, unreadable). */
export type BodyFileAccess = { access: 'allowed' | 'not-allowed' | 'never' | null; allowFolder: string | null };

export type BodyFileFactsResult = { path: string; name: string; size: number | null; problem: string | null } & BodyFileAccess;

/** What the editor shows for a body file: its name and size, whether it may be read, or why it cannot be sent. Reads only its metadata. */
export async function bodyFileFacts(path: string, rules: BodyFileRules, limit = MAX_FILE_BODY_BYTES): Promise<BodyFileFactsResult> {
  const name = basename(path);
  const unknown: BodyFileAccess = { access: null, allowFolder: null };
  if (path.trim() === '') return { path, name, size: null, problem: 'Choose a file.', ...unknown };
  if (path.includes('{{')) return { path, name, size: null, problem: null, ...unknown };
  if (!isAbsolute(path)) return { path, name, size: null, problem: `${path} is not absolute: give the file's full path.`, ...unknown };
  try {
    const info = await stat(path);
    if (!info.isFile()) return { path, name, size: null, problem: `${path} is not a file.`, ...unknown };
    if (info.size > limit) return { path, name, size: info.size, problem: `${formatSize(info.size)} is larger than ${mib(limit)}, the most a request body may be.`, ...unknown };
    const verdict = await checkBodyFile(path, rules);
    if (verdict.kind === 'allowed') return { path, name, size: info.size, problem: null, access: 'allowed', allowFolder: null };
    return {
      path,
      name,
      size: info.size,
      problem: refusalText(path, verdict, false),
      access: verdict.kind,
      allowFolder: verdict.kind === 'not-allowed' ? verdict.folder : null,
    };
  } catch (error) {
    return { path, name, size: null, problem: `${path} cannot be read (${reason(error)}).`, ...unknown };
  }
}

/**
 * A path's `{{name}}` variables filled in from the environment, when that is
 * all it names; null when it names a secret, a dynamic value or a variable
 * the environment lacks (signing says which, and the file is checked when it
 * is opened).
 */
export function pathBeforeSigning(path: string, variables: Readonly<Record<string, string>>): string | null {
  if (!path.includes('{{')) return path;
  const { literals, names } = parseTemplate(path);
  let out = literals[0] ?? '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    if (name.startsWith('secret:') || name.startsWith('$') || !Object.hasOwn(variables, name)) return null;
    out += (variables[name] ?? '') + (literals[i + 1] ?? '');
  }
  return out.includes('{{') ? null : out;
}

/**
 * Checks a body's files before signing, so a refused file stops the send
 * before any token request goes out. A path with environment variables is
 * checked as they fill it; one naming a secret or a dynamic value is checked
 * once signing has filled it in, when the file is opened.
 */
export async function checkFilesBeforeSigning(body: RequestBody, rules: BodyFileRules, variables: Readonly<Record<string, string>> = {}): Promise<void> {
  const written = body.kind === 'binary' ? [body.path] : body.kind === 'multipart' ? body.parts.flatMap((part) => (part.kind === 'file' ? [part.path] : [])) : [];
  for (const path of written.map((p) => pathBeforeSigning(p, variables))) {
    if (path === null || !isAbsolute(path)) continue;
    let verdict;
    try {
      verdict = await checkBodyFile(path, rules);
    } catch (error) {
      throw new BodyFileError(`${path} cannot be read (${reason(error)}). Nothing was sent.`);
    }
    if (verdict.kind !== 'allowed') throw new BodyFileError(refusalText(path, verdict));
  }
}
