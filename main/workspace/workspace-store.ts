import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServiceError } from '../contract/errors.ts';
import type { WorkspaceDocument } from '../contract/workspace.ts';
import { STORE_FILE_MODE } from '../platform/store.ts';
import { migrateDocument } from './migrations.ts';
import { sealWritten, trustedDocument } from './written-seal.ts';

export const WORKSPACE_FILE_NAME = 'workspace.json';

/** What opening the workspace file found. */
export type LoadOutcome =
  | { readonly kind: 'absent' }
  | { readonly kind: 'loaded'; readonly document: WorkspaceDocument }
  /** Unreadable or invalid: the file was moved aside (kept) and the caller starts afresh. */
  | { readonly kind: 'set-aside'; readonly problem: string }
  /** Written by a newer version: left alone, and saving is refused. */
  | { readonly kind: 'read-only'; readonly problem: string };

export type WorkspaceStore = {
  load(): LoadOutcome;
  save(doc: WorkspaceDocument): void;
  readonly path: string;
};

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${String(process.pid)}.tmp`;
  const fd = openSync(temp, 'w', STORE_FILE_MODE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * The workspace as one JSON file `{ "document": ... }` in the data directory,
 * written atomically (temp file, fsync, rename) with mode 0600, like the conf
 * stores. It does not go through conf: conf deep-compares its defaults on
 * open and re-reads the whole file on every set, which costs hundreds of
 * milliseconds per edit at 10,000 requests (see docs/collection-format.md).
 */
export function createWorkspaceFileStore(dataDir: string, now: () => number = Date.now): WorkspaceStore {
  const file = join(dataDir, WORKSPACE_FILE_NAME);
  let writable = true;
  const setAside = (reason: string): LoadOutcome => {
    const kept = `${file}.unreadable-${String(now())}`;
    renameSync(file, kept);
    return { kind: 'set-aside', problem: `${file} could not be used (${reason}); it was kept as ${kept} and an empty workspace was started.` };
  };
  return {
    path: file,
    load() {
      if (!existsSync(file)) return { kind: 'absent' };
      let raw: unknown;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
        raw = JSON.parse(text);
      } catch (error) {
        return setAside(error instanceof Error ? error.message : String(error));
      }
      try {
        const stored = (raw as { document?: unknown } | null)?.document;
        // A file exactly as this version wrote it skips the full schema check; any other (hand-edited, older) gets it.
        return { kind: 'loaded', document: trustedDocument(text, stored) ?? migrateDocument(stored) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ServiceError && error.code === 'conflict') {
          writable = false;
          return { kind: 'read-only', problem: message };
        }
        return setAside(message);
      }
    },
    save(doc) {
      if (!writable) throw new ServiceError('conflict', `The workspace file ${file} is from a newer Countersign, so it is not overwritten.`);
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeAtomically(file, sealWritten(JSON.stringify({ document: doc })));
    },
  };
}
