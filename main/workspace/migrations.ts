import { ServiceError } from '../contract/errors.ts';
import { WORKSPACE_SCHEMA_VERSION, type WorkspaceDocument } from '../contract/workspace.ts';
import { repairMethods } from './repair-methods.ts';
import { StoredDocument } from './stored-schema.ts';

/** One step of the stored format: takes a document of version `from` and returns one of `from + 1`. */
export type Migration = { readonly from: number; readonly describe: string; readonly migrate: (doc: Record<string, unknown>) => Record<string, unknown> };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function withEnabled(list: unknown): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((pair: unknown) => (isRecord(pair) && typeof pair.enabled !== 'boolean' ? { ...pair, enabled: true } : pair));
}

/**
 * Version 0 is the unversioned preview format: no `schemaVersion`, and
 * headers, params, form fields and variables had no `enabled` flag (all were sent).
 */
const v0ToV1: Migration = {
  from: 0,
  describe: 'add schemaVersion and an explicit enabled flag on every name/value pair',
  migrate(doc) {
    const nodes = isRecord(doc.nodes) ? doc.nodes : {};
    const migrated: Record<string, unknown> = {};
    for (const [id, node] of Object.entries(nodes)) {
      if (!isRecord(node)) continue;
      const next: Record<string, unknown> = { ...node };
      if (node.kind === 'request') {
        next.headers = withEnabled(node.headers);
        next.params = withEnabled(node.params);
        if (isRecord(node.body) && node.body.kind === 'form') next.body = { ...node.body, pairs: withEnabled(node.body.pairs) };
      }
      if (node.kind === 'collection' && Array.isArray(node.environments)) {
        next.environments = node.environments.map((env: unknown) => (isRecord(env) ? { ...env, variables: withEnabled(env.variables) } : env));
      }
      migrated[id] = next;
    }
    return { ...doc, schemaVersion: 1, nodes: migrated };
  },
};

/** Version 2 adds flows: every collection starts with none. */
const v1ToV2: Migration = {
  from: 1,
  describe: 'add an empty flow list to every collection',
  migrate(doc) {
    const nodes = isRecord(doc.nodes) ? doc.nodes : {};
    const migrated: Record<string, unknown> = {};
    for (const [id, node] of Object.entries(nodes)) {
      migrated[id] = isRecord(node) && node.kind === 'collection' && !Array.isArray(node.flows) ? { ...node, flows: [] } : node;
    }
    return { ...doc, schemaVersion: 2, nodes: migrated };
  },
};

/**
 * Version 3 adds multipart/form-data and binary-file bodies. Every version-2
 * body is valid as it is: only the number changes, so an older Countersign
 * refuses the file instead of dropping a body kind it cannot read.
 */
const v2ToV3: Migration = {
  from: 2,
  describe: 'allow multipart and binary-file bodies (no stored field changes)',
  migrate: (doc) => ({ ...doc, schemaVersion: 3 }),
};

/** In order; the last one's result is WORKSPACE_SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2, v2ToV3];

export function storedVersion(raw: Record<string, unknown>): number {
  return typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
}

/**
 * Brings a stored document up to the current version and checks it. A file
 * from a newer Countersign is refused (never rewritten in an older shape).
 */
export function migrateDocument(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, target = WORKSPACE_SCHEMA_VERSION): WorkspaceDocument {
  if (!isRecord(raw)) throw new ServiceError('failed', 'The workspace file does not hold a workspace object.');
  let version = storedVersion(raw);
  if (version > target) {
    throw new ServiceError('conflict', `The workspace was saved by a newer Countersign (format ${String(version)}; this one reads up to ${String(target)}).`);
  }
  let doc = raw;
  while (version < target) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) throw new ServiceError('internal', `No migration from workspace format ${String(version)}.`);
    doc = step.migrate(doc);
    version = storedVersion(doc);
  }
  const parsed = StoredDocument.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ServiceError('failed', `The workspace file is not valid${first ? ` at ${first.path.join('.')}: ${first.message}` : ''}.`);
  }
  return repairMethods(parsed.data);
}
