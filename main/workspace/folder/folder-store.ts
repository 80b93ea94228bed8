import { existsSync, readdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServiceError } from '../../contract/errors.ts';
import { writeFileAtomicSync } from '../../history/atomic-write.ts';
import type { WorkspaceDocument } from '../../contract/workspace.ts';
import { credentialReason, findLiteralCredentials } from '../exchange/literal-credentials.ts';
import { randomIds, type IdSource } from '../ids.ts';
import type { LoadOutcome, WorkspaceStore } from '../workspace-store.ts';
import { emptyLayout, envKey, GITIGNORE, GITIGNORE_TEXT, nodeKey, type FolderLayout } from './layout.ts';
import { readFolder } from './read-folder.ts';
import { writeFolder, type RenderCache } from './write-folder.ts';
import type { FileProblem } from './yaml-text.ts';

export type FolderStore = WorkspaceStore & {
  readonly kind: 'folder';
  /** Files skipped at the last read, with path and line. */
  problems(): readonly FileProblem[];
  /** True when the file at `rel` holds what this store last read or wrote (a change it made itself). */
  isOwnWrite(rel: string, text: string | undefined): boolean;
};

// Files meant for the team's repository: readable like any other checked-out file.
const SHARED_MODES = { file: 0o644, dir: 0o755 };

/** Removes `dir` and then its parents while they are empty, up to (not including) the root. */
function pruneEmpty(root: string, rel: string): void {
  for (let dir = rel; dir !== '.' && dir !== ''; dir = dirname(dir)) {
    const full = join(root, dir);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}

/**
 * Requests and environments holding a typed-in credential (the export's
 * check; for environment variables, the same rule on name and value): never
 * written to a file that may go into git. Keyed `node:ID` / `env:COLLECTION/ID`;
 * the descriptions name places, never values.
 */
export function requestsWithCredentials(doc: WorkspaceDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, what: string) => out.set(key, [...(out.get(key) ?? []), what]);
  for (const collectionId of doc.collections) {
    const collection = doc.nodes[collectionId];
    if (collection?.kind !== 'collection') continue;
    for (const finding of findLiteralCredentials(doc, collectionId, [])) add(nodeKey(finding.requestId), `${finding.request}: ${finding.place} ${finding.field} (${finding.reason})`);
    for (const env of collection.environments) {
      for (const variable of env.variables) {
        const reason = credentialReason(variable.name, variable.value, 'param');
        if (reason) add(envKey(collectionId, env.id), `${collection.name} environment ${env.name}: variable ${variable.name} (${reason})`);
      }
    }
  }
  return out;
}

/**
 * The workspace as a folder of YAML files (docs/collection-format.md). A save
 * writes only the files whose text changed and removes only files it read or
 * wrote itself; a malformed file found on load is neither rewritten nor
 * removed, and its name is not given to another item.
 */
export function createFolderStore(root: string, ids: IdSource = randomIds): FolderStore {
  let layout: FolderLayout = emptyLayout();
  let onDisk = new Map<string, string>();
  let problems: FileProblem[] = [];
  let writable = true;
  let renderCache: RenderCache = new Map();
  return {
    kind: 'folder',
    path: root,
    problems: () => problems,
    // Gone from disk counts as ours only if this store removed it (a skipped file's removal must reload, to clear its problem).
    isOwnWrite: (rel, text) => onDisk.get(rel) === text && (text !== undefined || !problems.some((problem) => problem.path === rel)),
    load(): LoadOutcome {
      const read = readFolder(root, ids);
      if (read.kind === 'absent') {
        layout = emptyLayout();
        onDisk = new Map();
        problems = [];
        return { kind: 'absent' };
      }
      if (read.kind === 'refused') {
        writable = false;
        return { kind: 'read-only', problem: read.problem };
      }
      writable = true;
      layout = read.layout;
      onDisk = read.texts;
      problems = read.problems;
      renderCache = read.rendered;
      return { kind: 'loaded', document: read.document };
    },
    save(doc) {
      if (!writable) throw new ServiceError('conflict', `The workspace folder ${root} is not a Countersign workspace this version can write, so nothing in it is changed.`);
      const refused = requestsWithCredentials(doc);
      const out = writeFolder(doc, layout, (id) => refused.has(id), renderCache);
      const untouchable = new Set([...problems.map((problem) => problem.path), ...out.held]);
      for (const [rel, text] of out.files) {
        if (untouchable.has(rel) || onDisk.get(rel) === text) continue;
        writeFileAtomicSync(join(root, rel), text, SHARED_MODES);
        onDisk.set(rel, text);
      }
      for (const rel of [...onDisk.keys()]) {
        if (out.files.has(rel) || untouchable.has(rel)) continue;
        if (existsSync(join(root, rel))) unlinkSync(join(root, rel));
        onDisk.delete(rel);
        pruneEmpty(root, dirname(rel));
      }
      if (!existsSync(join(root, GITIGNORE))) writeFileSync(join(root, GITIGNORE), GITIGNORE_TEXT, { mode: 0o644 });
      layout = { ...layout, names: out.names };
      if (refused.size > 0) {
        const lines = [...refused.values()].flat();
        throw new ServiceError(
          'invalid_input',
          `Not written to ${root}: a credential is typed into ${lines.join('; ')}. Files in a workspace folder are shared: move it to the vault (countersign export --move-to-vault, or Export in the app) and refer to it as {{secret:name}}.`,
        );
      }
    },
  };
}
