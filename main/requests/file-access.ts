import { constants, realpath as realpathCallback } from 'node:fs';
import { open, readlink, stat, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, parse, sep } from 'node:path';
import { promisify } from 'node:util';

// The operating system's own resolution: on Windows it also expands 8.3 short names (C:\Users\BOB~1) and on
// Windows and macOS gives the case as stored, so one file has one spelling when paths are compared.
export const realpath = promisify(realpathCallback.native);

/**
 * Which local files a request body may read. A collection names files by
 * path, and a collection can come from anyone (an import, a colleague's
 * export, a folder from git): without this, its first Send could upload
 * ~/.ssh/id_rsa or the vault. A file is read only when it lies, after every
 * link and `..` is resolved, in a folder (or is a file) the user allowed,
 * and never when it lies in Countersign's data folder or a usual secret store.
 */
export type BodyFileRules = {
  /** Folders or single files the user allowed (absolute). */
  allowed(): readonly string[];
  /** Places no body may read, whatever is allowed. */
  never(): readonly NeverPlace[];
  /** Windows and macOS treat paths that differ only in case as the same file. Defaults to the platform's rule. */
  caseInsensitive?: boolean;
};

export type NeverPlace = { readonly path: string; readonly what: string };

export type BodyFileVerdict =
  | { readonly kind: 'allowed'; readonly real: string }
  /** `folder` is the real folder the user would allow to send it. */
  | { readonly kind: 'not-allowed'; readonly real: string; readonly folder: string }
  | { readonly kind: 'never'; readonly real: string; readonly place: NeverPlace };

/** Body files are refused when nothing was allowed: the safe default for any caller that passes no rules. */
export const NO_BODY_FILES: BodyFileRules = { allowed: () => [], never: () => [] };

export const platformIgnoresCase = process.platform === 'win32' || process.platform === 'darwin';

/** The secret stores of a home folder that no request body may read, with Countersign's own data folder. */
export function neverReadPlaces(dataDir: string, home: string = homedir()): NeverPlace[] {
  const inHome: [string, string][] = [
    ['.ssh', 'SSH keys'],
    ['.gnupg', 'GnuPG keys'],
    ['.aws', 'AWS credentials'],
    ['.azure', 'Azure credentials'],
    ['.config/gcloud', 'Google Cloud credentials'],
    ['.kube', 'Kubernetes credentials'],
    ['.docker', 'Docker credentials'],
    ['.password-store', 'pass secrets'],
    ['.netrc', 'saved passwords (.netrc)'],
    ['.git-credentials', 'Git credentials'],
  ];
  return [
    { path: dataDir, what: "Countersign's data folder (the vault, History, response bodies)" },
    ...inHome.map(([name, what]) => ({ path: join(home, name), what })),
  ];
}

/** The path with every link and `..` resolved; a place that does not exist keeps its own spelling. */
async function realOr(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

function isWithin(child: string, root: string, ignoreCase: boolean): boolean {
  const c = ignoreCase ? child.toLowerCase() : child;
  const r = ignoreCase ? root.toLowerCase() : root;
  return c === r || c.startsWith(r.endsWith(sep) ? r : `${r}${sep}`);
}

/**
 * Where a path really is and whether a body may read it. Throws the file
 * system's error (ENOENT, EACCES) when it cannot be resolved.
 */
export async function checkBodyFile(path: string, rules: BodyFileRules): Promise<BodyFileVerdict> {
  const real = await realpath(path);
  const ignoreCase = rules.caseInsensitive ?? platformIgnoresCase;
  for (const place of rules.never()) {
    // Refused in any case on every platform: refusing /home/u/.SSH on Linux too costs nothing.
    const roots = new Set([place.path, await realOr(place.path)]);
    if ([...roots].some((root) => isWithin(real, root, true))) return { kind: 'never', real, place };
  }
  for (const entry of rules.allowed()) {
    if (isWithin(real, await realOr(entry), ignoreCase)) return { kind: 'allowed', real };
  }
  return { kind: 'not-allowed', real, folder: dirname(real) };
}

/** A folder too broad to allow as a whole: the file system's root, or the home folder. */
export function isTooBroad(real: string, home: string = homedir()): boolean {
  return parse(real).root === real || real === home;
}

export class BodyFileRefused extends Error {
  readonly verdict: BodyFileVerdict | null;
  constructor(message: string, verdict: BodyFileVerdict | null = null) {
    super(message);
    this.verdict = verdict;
  }
}

/** Words for a refusal: the path, why, (for a send) that nothing went out, and how to allow it. */
export function refusalText(path: string, verdict: Exclude<BodyFileVerdict, { kind: 'allowed' }>, atSend = true): string {
  const where = verdict.real === path ? path : `${path} (really ${verdict.real})`;
  const sent = atSend ? ' Nothing was sent.' : '';
  if (verdict.kind === 'never') {
    return `${where} is in ${verdict.place.what}, which a request body may never read.${sent} Copy the file to another folder to send it.`;
  }
  return `${where} is not in a folder you allowed for request bodies.${sent} Allow ${verdict.folder} with "Allow this folder…" in the body editor, or run: countersign files allow ${verdict.folder}`;
}

export type OpenedBodyFile = { readonly handle: FileHandle; readonly real: string; readonly size: number };

/**
 * Opens a body file only if it is allowed, and proves the file opened is the
 * one checked: the last step is opened without following links, and after
 * opening the path is resolved and checked again and must lead to the very
 * same file (device and inode; on Linux the kernel's own name for the open
 * file too). A file or folder swapped for a link between check and read is
 * refused, and the bytes sent are read from this open file only.
 */
export async function openBodyFile(path: string, rules: BodyFileRules): Promise<OpenedBodyFile> {
  const first = await checkBodyFile(path, rules);
  if (first.kind !== 'allowed') throw new BodyFileRefused(refusalText(path, first), first);
  return openChecked(path, first.real, rules);
}

/** The second half of openBodyFile, apart so a test can change the file between the check and the open. */
export async function openChecked(path: string, real: string, rules: BodyFileRules): Promise<OpenedBodyFile> {
  const moved = () => new BodyFileRefused(`${path} changed while it was being opened (a link appeared or it was moved), so it was not read. Nothing was sent.`);
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOOP') throw moved();
    throw error;
  }
  try {
    const opened = await handle.stat({ bigint: true });
    if (!opened.isFile()) throw new BodyFileRefused(`${path} is not a file. Nothing was sent.`);
    const again = await checkBodyFile(real, rules);
    if (again.kind !== 'allowed') throw new BodyFileRefused(refusalText(path, again), again);
    const now = await stat(again.real, { bigint: true });
    if (again.real !== real || now.dev !== opened.dev || now.ino !== opened.ino) throw moved();
    if (process.platform === 'linux') {
      const kernelName = await readlink(`/proc/self/fd/${String(handle.fd)}`).catch(() => null);
      if (kernelName !== null && kernelName !== real) throw moved();
    }
    return { handle, real, size: Number(opened.size) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
