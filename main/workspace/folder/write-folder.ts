import type { CollectionNode, Environment, EnvironmentVariable, NodeId, WorkspaceDocument } from '../../contract/workspace.ts';
import { CollectionFile, EnvironmentFile, EnvironmentLocalFile, FlowFile, FolderFile, OrderFile, RequestFile, RootFile, rootFileContent } from './file-schemas.ts';
import {
  COLLECTION_FILE,
  COLLECTION_RESERVED,
  ENVIRONMENTS_DIR,
  entrySlug,
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
import { allocateSlugs } from './slugs.ts';
import { toYaml } from './yaml-text.ts';

// The built-in sandbox's port changes from run to run: its environments are written with port 0 (filled in when it starts), so a run is no diff.
const LOOPBACK_ORIGIN = /\bhttp:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}(?=\/|$)/g;

/** Every file of the workspace folder (relative POSIX path -> text), and the slugs used. */
export type RenderCache = Map<string, { json: string; text: string }>;

export type FolderFiles = {
  readonly files: Map<string, string>;
  readonly names: Map<string, string>;
  /** Files of the requests and environments `hold` refused: left on disk as they are, neither written nor removed. */
  readonly held: Set<string>;
};

export function omit(value: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (!keys.includes(key)) out[key] = entry;
  return out;
}

function withSkipped(entries: string[], skipped: FolderLayout['skipped'], dir: string): string[] {
  const out = [...entries];
  for (const { entry, index } of skipped.get(dir) ?? []) if (!out.includes(entry)) out.splice(Math.min(index, out.length), 0, entry);
  return out;
}

const skippedSlugs = (skipped: FolderLayout['skipped'], dir: string): string[] => (skipped.get(dir) ?? []).map(({ entry }) => entrySlug(entry));

/** The shared and local parts of one environment (docs/collection-format.md says what goes where). */
export function splitEnvironment(env: Environment, local: ReadonlyMap<string, EnvironmentVariable | null>): { shared: Record<string, unknown>; local: Record<string, unknown> | undefined } {
  const sharedVariables = env.variables
    .flatMap((variable) => {
      if (!local.has(variable.name)) return [variable];
      const standsFor = local.get(variable.name);
      return standsFor ? [standsFor] : [];
    })
    .map((variable) => (env.builtInSandbox === true ? { ...variable, value: variable.value.replace(LOOPBACK_ORIGIN, (_m, host: string) => `http://${host}:0`) } : variable));
  const localVariables = env.variables.filter((variable) => local.has(variable.name));
  const shared = { ...omit(env, ['network']), variables: sharedVariables };
  const localPart = { ...(localVariables.length > 0 ? { variables: localVariables } : {}), ...(env.network === undefined ? {} : { network: env.network }) };
  return { shared, local: Object.keys(localPart).length > 0 ? localPart : undefined };
}

/**
 * The workspace as files. `layout` carries what the last read found: the
 * slug each item had, entries that were skipped as malformed (kept in their
 * order file and their names left free of other items), local variables.
 */
export function writeFolder(doc: WorkspaceDocument, layout: FolderLayout, hold: (key: string) => boolean = () => false, cache: RenderCache = new Map()): FolderFiles {
  /** YAML is the slow part of a save: an item whose JSON is unchanged since the last save reuses its text (one edit at 10,000 requests). */
  const render = (key: string, schema: Parameters<typeof toYaml>[0], value: unknown): string => {
    const json = JSON.stringify(value);
    const hit = cache.get(key);
    if (hit?.json === json) return hit.text;
    const text = toYaml(schema, value);
    cache.set(key, { json, text });
    return text;
  };
  const files = new Map<string, string>();
  const names = new Map<string, string>();
  const held = new Set<string>();
  const put = (path: string, text: string) => files.set(path, text);

  const writeContainer = (dir: string, childIds: readonly NodeId[], reserved: readonly string[]) => {
    const children = childIds.flatMap((id) => (doc.nodes[id] ? [doc.nodes[id]] : []));
    const slugs = allocateSlugs(
      children.map((node) => ({ key: nodeKey(node.id), name: node.name })),
      layout.names,
      [...reserved, ...skippedSlugs(layout.skipped, dir)],
    );
    const entries: string[] = [];
    for (const node of children) {
      const slug = slugs.get(nodeKey(node.id)) ?? node.id;
      names.set(nodeKey(node.id), slug);
      if (node.kind === 'request') {
        entries.push(`${slug}${REQUEST_SUFFIX}`);
        const path = joinPath(dir, `${slug}${REQUEST_SUFFIX}`);
        if (hold(nodeKey(node.id))) held.add(path);
        else put(path, render(`request:${node.id}`, RequestFile, omit(node, ['kind', 'parentId'])));
      } else if (node.kind === 'folder') {
        entries.push(`${slug}/`);
        const sub = joinPath(dir, slug);
        put(joinPath(sub, FOLDER_FILE), render(`folder:${node.id}`, FolderFile, omit(node, ['kind', 'parentId', 'children'])));
        writeContainer(sub, node.children, []);
      }
    }
    put(joinPath(dir, ORDER_FILE), toYaml(OrderFile, withSkipped(entries, layout.skipped, dir)));
  };

  const writeList = <T extends { id: string; name: string }>(dir: string, items: readonly T[], key: (id: string) => string, write: (item: T, slug: string) => void) => {
    if (items.length === 0 && !layout.skipped.has(dir)) return;
    const slugs = allocateSlugs(
      items.map((item) => ({ key: key(item.id), name: item.name })),
      layout.names,
      skippedSlugs(layout.skipped, dir),
    );
    const entries: string[] = [];
    for (const item of items) {
      const slug = slugs.get(key(item.id)) ?? item.id;
      names.set(key(item.id), slug);
      entries.push(`${slug}${YAML_SUFFIX}`);
      write(item, slug);
    }
    put(joinPath(dir, ORDER_FILE), toYaml(OrderFile, withSkipped(entries, layout.skipped, dir)));
  };

  const writeCollection = (collection: CollectionNode, dir: string) => {
    put(joinPath(dir, COLLECTION_FILE), toYaml(CollectionFile, omit(collection, ['kind', 'children', 'environments', 'flows'])));
    writeContainer(dir, collection.children, COLLECTION_RESERVED);
    const envDir = joinPath(dir, ENVIRONMENTS_DIR);
    writeList(envDir, collection.environments, (id) => envKey(collection.id, id), (env, slug) => {
      if (hold(envKey(collection.id, env.id))) {
        held.add(joinPath(envDir, `${slug}${YAML_SUFFIX}`));
        held.add(joinPath(envDir, `${slug}${LOCAL_SUFFIX}`));
        return;
      }
      const { shared, local } = splitEnvironment(env, layout.localVariables.get(envKey(collection.id, env.id)) ?? new Map());
      put(joinPath(envDir, `${slug}${YAML_SUFFIX}`), toYaml(EnvironmentFile, shared));
      if (local) put(joinPath(envDir, `${slug}${LOCAL_SUFFIX}`), toYaml(EnvironmentLocalFile, local));
    });
    const flowDir = joinPath(dir, FLOWS_DIR);
    writeList(flowDir, collection.flows, (id) => flowKey(collection.id, id), (flow, slug) => put(joinPath(flowDir, `${slug}${YAML_SUFFIX}`), toYaml(FlowFile, flow)));
  };

  put(ROOT_FILE, toYaml(RootFile, rootFileContent()));
  const collections = doc.collections.flatMap((id) => {
    const node = doc.nodes[id];
    return node?.kind === 'collection' ? [node] : [];
  });
  const slugs = allocateSlugs(
    collections.map((node) => ({ key: nodeKey(node.id), name: node.name })),
    layout.names,
    skippedSlugs(layout.skipped, ''),
  );
  const entries: string[] = [];
  for (const collection of collections) {
    const slug = slugs.get(nodeKey(collection.id)) ?? collection.id;
    names.set(nodeKey(collection.id), slug);
    entries.push(`${slug}/`);
    writeCollection(collection, slug);
  }
  put(ORDER_FILE, toYaml(OrderFile, withSkipped(entries, layout.skipped, '')));
  return { files, names, held };
}
