import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Flow } from '../../contract/flow-model.ts';
import { WORKSPACE_SCHEMA_VERSION, type CollectionNode, type Environment, type NodeId, type WorkspaceDocument } from '../../contract/workspace.ts';
import type { IdSource } from '../ids.ts';
import { CollectionFile, EnvironmentFile, EnvironmentLocalFile, FlowFile, FolderFile, OrderFile, RequestFile, RootFile, WORKSPACE_FOLDER_FORMAT, WORKSPACE_FOLDER_VERSION } from './file-schemas.ts';
import {
  COLLECTION_FILE,
  emptyLayout,
  ENVIRONMENTS_DIR,
  envKey,
  FLOWS_DIR,
  flowKey,
  FOLDER_FILE,
  joinPath,
  LOCAL_SUFFIX,
  nodeKey,
  ORDER_FILE,
  REQUEST_SUFFIX,
  ROOT_FILE,
  YAML_SUFFIX,
  type FolderLayout,
} from './layout.ts';
import { omit, type RenderCache } from './write-folder.ts';
import { fromYaml, type FileProblem } from './yaml-text.ts';

export type FolderRead =
  | { readonly kind: 'absent' }
  /** Not a workspace folder, or one from a newer Countersign: nothing is read or written. */
  | { readonly kind: 'refused'; readonly problem: string; readonly newer: boolean }
  | {
      readonly kind: 'loaded';
      readonly document: WorkspaceDocument;
      readonly layout: FolderLayout;
      /** Every file read and used, as read: what a save compares with before it writes. */
      readonly texts: Map<string, string>;
      /** Files that could not be used: skipped, and never written or removed until they read cleanly. */
      readonly problems: FileProblem[];
      /** Each request's and folder's text as read, keyed as the writer's cache: a save leaves unchanged items' files alone without rendering them again. */
      readonly rendered: RenderCache;
    };

/**
 * Reads a workspace folder into the model. Each file is checked on its own
 * against its schema; a malformed one is reported with its path and line and
 * left out (with what it holds, for a folder), and the rest still loads.
 */
export function readFolder(root: string, ids: IdSource): FolderRead {
  if (!existsSync(root) || (statSync(root).isDirectory() && readdirSync(root).length === 0)) return { kind: 'absent' };
  const rootPath = join(root, ROOT_FILE);
  if (!existsSync(rootPath)) return { kind: 'refused', newer: false, problem: `${root} is not a Countersign workspace folder (it has no ${ROOT_FILE}); "countersign workspace init" makes one.` };

  const texts = new Map<string, string>();
  const rendered: RenderCache = new Map();
  const remember = (key: string, value: object, omitted: readonly string[], rel: string) => {
    const text = texts.get(rel);
    if (text !== undefined) rendered.set(key, { json: JSON.stringify(omit(value, omitted)), text });
  };
  const problems: FileProblem[] = [];
  const layout = emptyLayout();
  const doc: WorkspaceDocument = { schemaVersion: WORKSPACE_SCHEMA_VERSION, collections: [], nodes: {} };

  const read = <S extends z.ZodType>(schema: S, rel: string): z.output<S> | undefined => {
    let text: string;
    try {
      text = readFileSync(join(root, rel), 'utf8');
    } catch (error) {
      problems.push({ path: rel, line: 1, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return undefined;
    }
    const parsed = fromYaml(schema, text, rel);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      return undefined;
    }
    texts.set(rel, text);
    return parsed.value;
  };

  const rootFile = read(RootFile, ROOT_FILE);
  if (!rootFile) return { kind: 'refused', newer: false, problem: `${rootPath} cannot be used: ${problems.map((p) => `line ${String(p.line)}: ${p.message}`).join('; ')}` };
  if (rootFile.format !== WORKSPACE_FOLDER_FORMAT || rootFile.version > WORKSPACE_FOLDER_VERSION || rootFile.schemaVersion > WORKSPACE_SCHEMA_VERSION) {
    return { kind: 'refused', newer: true, problem: `${root} was written by a newer Countersign (folder format ${String(rootFile.version)}, model ${String(rootFile.schemaVersion)}): it is not opened, so it is never rewritten in an older shape.` };
  }

  const listDir = (rel: string): { dirs: string[]; files: string[] } => {
    try {
      const entries = readdirSync(join(root, rel), { withFileTypes: true });
      return {
        dirs: entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort(),
        files: entries.filter((e) => e.isFile()).map((e) => e.name).sort(),
      };
    } catch {
      return { dirs: [], files: [] };
    }
  };

  /** The order file's entries that exist, then anything on disk it does not list (a file added by hand or by a merge). */
  const orderedEntries = (rel: string, present: readonly string[]): string[] => {
    const orderPath = joinPath(rel, ORDER_FILE);
    const listed = existsSync(join(root, orderPath)) ? (read(OrderFile, orderPath) ?? []) : [];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const entry of [...listed, ...present]) {
      if (seen.has(entry) || !present.includes(entry)) continue;
      seen.add(entry);
      out.push(entry);
    }
    return out;
  };

  const skip = (dir: string, entry: string, index: number) => {
    const list = layout.skipped.get(dir) ?? [];
    list.push({ entry, index });
    layout.skipped.set(dir, list);
  };

  /** A copied file keeps its content but gets a fresh id, so two items never share one. */
  const freshId = (id: string, taken: (id: string) => boolean): string => (taken(id) ? ids() : id);

  const readContainer = (rel: string, parentId: NodeId): NodeId[] => {
    const { dirs, files } = listDir(rel);
    const present = [
      ...dirs.filter((d) => existsSync(join(root, rel, d, FOLDER_FILE))).map((d) => `${d}/`),
      ...files.filter((f) => f.endsWith(REQUEST_SUFFIX)).map((f) => f),
    ];
    const children: NodeId[] = [];
    orderedEntries(rel, present).forEach((entry, index) => {
      if (entry.endsWith('/')) {
        const sub = joinPath(rel, entry.slice(0, -1));
        const file = read(FolderFile, joinPath(sub, FOLDER_FILE));
        if (!file) return skip(rel, entry, index);
        const id = freshId(file.id, (candidate) => Object.hasOwn(doc.nodes, candidate));
        doc.nodes[id] = { ...file, id, kind: 'folder', parentId, children: [] };
        remember(`folder:${id}`, doc.nodes[id], ['kind', 'parentId', 'children'], joinPath(sub, FOLDER_FILE));
        layout.names.set(nodeKey(id), entry.slice(0, -1));
        const folder = doc.nodes[id];
        if (folder.kind === 'folder') folder.children = readContainer(sub, id);
        children.push(id);
      } else {
        const file = read(RequestFile, joinPath(rel, entry));
        if (!file) return skip(rel, entry, index);
        const id = freshId(file.id, (candidate) => Object.hasOwn(doc.nodes, candidate));
        doc.nodes[id] = { ...file, id, kind: 'request', parentId };
        remember(`request:${id}`, doc.nodes[id], ['kind', 'parentId'], joinPath(rel, entry));
        layout.names.set(nodeKey(id), entry.slice(0, -REQUEST_SUFFIX.length));
        children.push(id);
      }
    });
    return children;
  };

  const readList = <T extends { id: string }>(rel: string, schema: z.ZodType<T>, key: (id: string) => string, extra?: (item: T, slug: string) => T): T[] => {
    const { files } = listDir(rel);
    const present = files.filter((f) => f.endsWith(YAML_SUFFIX) && f !== ORDER_FILE && !f.endsWith(LOCAL_SUFFIX));
    const out: T[] = [];
    orderedEntries(rel, present).forEach((entry, index) => {
      const item = read(schema, joinPath(rel, entry));
      if (!item) return skip(rel, entry, index);
      const slug = entry.slice(0, -YAML_SUFFIX.length);
      const id = freshId(item.id, (candidate) => out.some((other) => other.id === candidate));
      const withId = { ...item, id };
      layout.names.set(key(id), slug);
      out.push(extra ? extra(withId, slug) : withId);
    });
    return out;
  };

  const readCollection = (slug: string): NodeId | undefined => {
    const file = read(CollectionFile, joinPath(slug, COLLECTION_FILE));
    if (!file) return undefined;
    const id = freshId(file.id, (candidate) => Object.hasOwn(doc.nodes, candidate));
    const collection: CollectionNode = { ...file, id, kind: 'collection', children: [], environments: [], flows: [] };
    doc.nodes[id] = collection;
    layout.names.set(nodeKey(id), slug);
    collection.children = readContainer(slug, id);
    const envDir = joinPath(slug, ENVIRONMENTS_DIR);
    collection.environments = readList<Environment>(envDir, EnvironmentFile, (envId) => envKey(id, envId), (env, envSlug) => {
      const localPath = joinPath(envDir, `${envSlug}${LOCAL_SUFFIX}`);
      if (!existsSync(join(root, localPath))) return env;
      const local = read(EnvironmentLocalFile, localPath);
      if (!local) return env;
      layout.localVariables.set(envKey(id, env.id), new Map((local.variables ?? []).map((mine) => [mine.name, env.variables.find((shared) => shared.name === mine.name) ?? null])));
      const variables = env.variables.map((variable) => local.variables?.find((mine) => mine.name === variable.name) ?? variable);
      for (const mine of local.variables ?? []) if (!variables.some((variable) => variable.name === mine.name)) variables.push(mine);
      return { ...env, variables, ...(local.network === undefined ? {} : { network: local.network }) };
    });
    collection.flows = readList<Flow>(joinPath(slug, FLOWS_DIR), FlowFile, (flowId) => flowKey(id, flowId));
    return id;
  };

  const { dirs } = listDir('');
  const present = dirs.filter((d) => existsSync(join(root, d, COLLECTION_FILE))).map((d) => `${d}/`);
  orderedEntries('', present).forEach((entry, index) => {
    const id = readCollection(entry.slice(0, -1));
    if (id === undefined) skip('', entry, index);
    else doc.collections.push(id);
  });
  return { kind: 'loaded', document: doc, layout, texts, problems, rendered };
}
