import type { EnvironmentVariable } from '../../contract/workspace.ts';

/** The names of a workspace folder's fixed files, and the state a save carries over from the last read. */
export const ROOT_FILE = 'countersign-workspace.yaml';
export const ORDER_FILE = 'order.yaml';
export const COLLECTION_FILE = 'collection.yaml';
export const FOLDER_FILE = 'folder.yaml';
export const REQUEST_SUFFIX = '.request.yaml';
export const YAML_SUFFIX = '.yaml';
export const LOCAL_SUFFIX = '.local.yaml';
export const ENVIRONMENTS_DIR = 'environments';
export const FLOWS_DIR = 'flows';
export const GITIGNORE = '.gitignore';
export const GITIGNORE_TEXT = `# Written by Countersign: the local part of each environment is this machine's own.\n*${LOCAL_SUFFIX}\n`;

/** Names a collection's own folders use, so no folder of requests may take them. */
export const COLLECTION_RESERVED = [ENVIRONMENTS_DIR, FLOWS_DIR];

export type SkippedEntry = { readonly entry: string; readonly index: number };

export type FolderLayout = {
  /** The slug each item had: `node:ID`, `env:COLLECTION/ID`, `flow:COLLECTION/ID`. */
  readonly names: Map<string, string>;
  /** Per directory ('' for the root): entries of its order file that were not read (malformed), kept in place. */
  readonly skipped: Map<string, SkippedEntry[]>;
  /**
   * Per environment (`env:COLLECTION/ID`): the variables read from its local
   * part, each with the shared variable it stands in for (null: local only),
   * which the shared part keeps as it was.
   */
  readonly localVariables: Map<string, Map<string, EnvironmentVariable | null>>;
};

export const emptyLayout = (): FolderLayout => ({ names: new Map(), skipped: new Map(), localVariables: new Map() });

export const nodeKey = (id: string): string => `node:${id}`;
export const envKey = (collectionId: string, id: string): string => `env:${collectionId}/${id}`;
export const flowKey = (collectionId: string, id: string): string => `flow:${collectionId}/${id}`;

export const joinPath = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);

/** The slug an order entry names: `x/` and `x.request.yaml` are both `x`. */
export function entrySlug(entry: string): string {
  if (entry.endsWith('/')) return entry.slice(0, -1);
  if (entry.endsWith(REQUEST_SUFFIX)) return entry.slice(0, -REQUEST_SUFFIX.length);
  return entry.endsWith(YAML_SUFFIX) ? entry.slice(0, -YAML_SUFFIX.length) : entry;
}
