import { ServiceError } from '../../contract/errors.ts';
import type { CollectionNode, ContainerNode, Environment, NodeId, WorkspaceDocument } from '../../contract/workspace.ts';
import { subtreeIds } from '../document.ts';
import type { ExportedCollection } from '../exchange/format.ts';

/**
 * What an import does when the workspace already has a collection of the
 * same name. `refuse` (the default) changes nothing and says so: a silent
 * duplicate made `run "Name/..."` pick one of the two arbitrarily.
 */
export const IMPORT_CONFLICT_MODES = ['refuse', 'replace', 'merge', 'keep-both'] as const;
export type ImportConflictMode = (typeof IMPORT_CONFLICT_MODES)[number];

export function sameNamedCollection(doc: WorkspaceDocument, name: string): CollectionNode | undefined {
  for (const id of doc.collections) {
    const node = doc.nodes[id];
    if (node?.kind === 'collection' && node.name === name) return node;
  }
  return undefined;
}

/** Refuses, or renames the draft for keep-both ("Name (2)", "Name (3)", ...). Call before the draft is added. */
export function prepareDraft(doc: WorkspaceDocument, draft: ExportedCollection, mode: ImportConflictMode): ExportedCollection {
  if (!sameNamedCollection(doc, draft.name)) return draft;
  if (mode === 'refuse') {
    throw new ServiceError(
      'conflict',
      `A collection named "${draft.name}" already exists, so nothing was imported. Choose what to do: replace it with the import, merge the import into it, or keep both (the import gets a new name).`,
    );
  }
  if (mode !== 'keep-both') return draft;
  let n = 2;
  while (sameNamedCollection(doc, `${draft.name} (${String(n)})`)) n++;
  return { ...draft, name: `${draft.name} (${String(n)})` };
}

/**
 * Folds a just-imported collection into the existing one of the same name.
 * Items are matched by name and kind, folder by folder; a matched item keeps
 * its id (open tabs, history and a workspace folder's files stay put) and
 * takes the import's fields. `merge` keeps what the import does not have;
 * `replace` removes it. Returns the surviving collection's id.
 */
export function foldIntoExisting(doc: WorkspaceDocument, importedId: NodeId, mode: 'merge' | 'replace'): NodeId {
  const imported = doc.nodes[importedId];
  if (imported?.kind !== 'collection') return importedId;
  const existing = doc.collections.map((id) => doc.nodes[id]).find((node): node is CollectionNode => node?.kind === 'collection' && node.id !== importedId && node.name === imported.name);
  if (!existing) return importedId;
  const idMap = new Map<NodeId, NodeId>();

  const fold = (into: ContainerNode, from: ContainerNode) => {
    const kept: NodeId[] = [];
    for (const childId of from.children) {
      const child = doc.nodes[childId];
      if (!child || child.kind === 'collection') continue;
      const match = into.children.map((id) => doc.nodes[id]).find((node) => node !== undefined && node.kind === child.kind && node.name === child.name && !kept.includes(node.id));
      if (!match || match.kind === 'collection') {
        // New here: the imported subtree moves in as it is.
        doc.nodes[childId] = { ...child, parentId: into.id };
        into.children.push(childId);
        kept.push(childId);
        continue;
      }
      idMap.set(childId, match.id);
      kept.push(match.id);
      if (child.kind === 'request' && match.kind === 'request') {
        doc.nodes[match.id] = { ...child, id: match.id, parentId: match.parentId };
      } else if (child.kind === 'folder' && match.kind === 'folder') {
        for (const [key, value] of Object.entries(child)) if (key !== 'children' && key !== 'id' && key !== 'parentId') (match as Record<string, unknown>)[key] = value;
        fold(match, child);
      }
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the map is keyed by node id on purpose
      delete doc.nodes[childId];
    }
    if (mode === 'replace') {
      for (const id of into.children.filter((id) => !kept.includes(id))) {
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the map is keyed by node id on purpose
        for (const gone of subtreeIds(doc, id)) delete doc.nodes[gone];
      }
      into.children = into.children.filter((id) => kept.includes(id));
    }
  };
  fold(existing, imported);

  existing.auth = imported.auth;
  if (imported.description !== undefined || mode === 'replace') {
    if (imported.description === undefined) delete existing.description;
    else existing.description = imported.description;
  }
  existing.environments = foldEnvironments(existing.environments, imported.environments);
  const flows = imported.flows.map((flow) => ({
    ...flow,
    steps: flow.steps.map((step) => (step.kind === 'request' ? { ...step, requestId: idMap.get(step.requestId) ?? step.requestId } : step)),
  }));
  const keptFlows = mode === 'replace' ? [] : existing.flows.filter((flow) => !flows.some((incoming) => incoming.name === flow.name));
  existing.flows = [...keptFlows, ...flows.map((flow) => ({ ...flow, id: existing.flows.find((old) => old.name === flow.name)?.id ?? flow.id }))];

  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the map is keyed by node id on purpose
  delete doc.nodes[importedId];
  doc.collections.splice(doc.collections.indexOf(importedId), 1);
  return existing.id;
}

/**
 * Environments are merged in both modes, matched by name: the import's
 * variables win, the others stay, the secret names add up. An import of
 * requests (a Postman file has no environments) must not wipe a team's setup.
 */
function foldEnvironments(existing: readonly Environment[], imported: readonly Environment[]): Environment[] {
  const out: Environment[] = [];
  for (const env of existing) {
    const incoming = imported.find((candidate) => candidate.name === env.name);
    if (!incoming) {
      out.push(env);
      continue;
    }
    const variables = env.variables.map((variable) => incoming.variables.find((mine) => mine.name === variable.name) ?? variable);
    for (const variable of incoming.variables) if (!variables.some((v) => v.name === variable.name)) variables.push(variable);
    // A protected environment stays protected whatever the file says.
    out.push({ ...env, ...incoming, id: env.id, protected: env.protected || incoming.protected, variables, secrets: [...new Set([...env.secrets, ...incoming.secrets])] });
  }
  for (const env of imported) if (!existing.some((candidate) => candidate.name === env.name)) out.push(env);
  return out;
}
