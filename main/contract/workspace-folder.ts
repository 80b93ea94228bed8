import { z } from 'zod';
import { noInput } from './limits.ts';
import { NodeId } from './names.ts';

/**
 * Where the workspace lives: the data directory's workspace.json (the
 * default) or a workspace folder of YAML files (docs/collection-format.md),
 * for instance inside a team's git repository.
 */

/** A file of the folder that could not be used: skipped (never rewritten) until it reads cleanly. */
export const FolderProblem = z.object({ path: z.string(), line: z.number().int(), message: z.string() });
export type FolderProblem = z.output<typeof FolderProblem>;

export const WorkspaceLocation = z.object({
  kind: z.enum(['file', 'folder']),
  /** workspace.json's path, or the folder. */
  path: z.string(),
  /** Folders opened before, most recent first (the current one included). */
  recent: z.array(z.string()),
  problems: z.array(FolderProblem),
  /** Why the workspace cannot be written (a folder from a newer Countersign, or not a workspace), or null. */
  readOnlyReason: z.string().nullable(),
  /** The folder is watched: a change on disk (git pull, an editor) reloads it. */
  watching: z.boolean(),
});
export type WorkspaceLocation = z.output<typeof WorkspaceLocation>;

// A POSIX root, a drive letter or a UNC share; main resolves and checks it again.
const looksAbsolute = (dir: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(dir.trim());
const FolderPath = z.string().min(1).max(4096).refine(looksAbsolute, 'give the workspace folder as a full path (such as /home/you/team-repo/api)');

export const OpenFolderInput = z.strictObject({
  path: FolderPath,
  /**
   * For a folder that holds no workspace yet: `empty` starts an empty one,
   * `current` writes the workspace in use now into it. Absent: such a folder is refused.
   */
  create: z.enum(['empty', 'current']).optional(),
});
export type OpenFolderInput = z.input<typeof OpenFolderInput>;

export const workspaceFolderChannels = {
  'workspace:location': { input: noInput, output: WorkspaceLocation },
  'workspace:open-folder': { input: OpenFolderInput, output: WorkspaceLocation },
  /** Back to the data directory's workspace.json. */
  'workspace:use-default': { input: noInput, output: WorkspaceLocation },
  'workspace:forget-recent': { input: z.strictObject({ path: z.string().min(1).max(4096) }), output: WorkspaceLocation },
} as const;

export const workspaceFolderEvents = {
  /** The folder changed on disk and was read again: what changed, what went, and files skipped as malformed. */
  'workspace:reloaded': z.object({ changed: z.array(NodeId), removed: z.array(NodeId), problems: z.array(FolderProblem) }),
  'workspace:location-changed': WorkspaceLocation,
} as const;
