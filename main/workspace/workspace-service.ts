import type { AuthChain } from '../contract/auth.ts';
import type { Flow } from '../contract/flow-model.ts';
import type { ImportResult } from './import-result.ts';
import { ServiceError } from '../contract/errors.ts';
import type {
  AuthSetting,
  DeleteResult,
  Environment,
  FilterResult,
  ImportSummary,
  NodeId,
  RequestNode,
  RequestPatch,
  TreeListing,
  WorkspaceDocument,
  WorkspaceNode,
} from '../contract/workspace.ts';
import { parseCurl } from './curl/parse-curl.ts';
import { deleteNode, restoreSubtree, type DeletedSubtree } from './delete.ts';
import { collectionOf, emptyDocument, requireContainer, requireNode, requireRequest } from './document.ts';
import { duplicateNode } from './duplicate.ts';
import { effectiveAuth } from './effective-auth.ts';
import { createEnvironment, deleteEnvironment, listEnvironments, requireEnvironment, updateEnvironment, type EnvironmentChange } from './environments.ts';
import { exportCollection as collectionFile, exportCollectionText } from './exchange/export-collection.ts';
import type { PostmanExportFiles } from './postman/export-postman-files.ts';
import { findLiteralCredentials, planCredentialMove, type CredentialFinding, type CredentialMove } from './exchange/literal-credentials.ts';
import { parseCollectionFile } from './exchange/import-collection.ts';
import { materializeCollection } from './exchange/materialize.ts';
import { slug } from './exchange/secret-names.ts';
import { filterTree } from './filter.ts';
import { deleteFlow, requireFlow, saveFlow } from './flows.ts';
import { randomIds, type IdSource } from './ids.ts';
import { listTree } from './listing.ts';
import { retargetBuiltInSandbox } from './sandbox-port.ts';
import { assertNoLiteralSecrets, secretNamesInUse } from './secret-fields.ts';
import { createNode, moveNode, renameNode, reorderChildren, type CreateSpec } from './tree-edit.ts';
import type { WorkspaceStore } from './workspace-store.ts';
import { foldIntoExisting, prepareDraft, type ImportConflictMode } from './postman/import-conflict.ts';
import { changedIds } from './folder/changed-ids.ts';

export type WorkspaceServiceOptions = {
  /** Where the document lives: `createWorkspaceFileStore(dataDir)`. */
  readonly store: WorkspaceStore;
  readonly ids?: IdSource;
  readonly now?: () => Date;
  /** The document a first run starts with (the Samples workspace); empty if absent. */
  readonly firstRun?: (ids: IdSource) => WorkspaceDocument;
  /** How many deletions can be undone. */
  readonly undoLimit?: number;
  /** Told which items changed after every saved edit (for the `workspace:changed` event). */
  readonly onChange?: (ids: NodeId[]) => void;
};

export type CurlImportResult = { request: RequestNode; secretsToStore: ImportResult['secretsToStore']; warnings: string[] };

/**
 * The workspace, kept in memory and saved after every edit. Reads never copy
 * the tree; edits touch the entries they change.
 */
export class WorkspaceService {
  #store: WorkspaceStore;
  readonly #ids: IdSource;
  readonly #now: () => Date;
  readonly #undoLimit: number;
  readonly #onChange: (ids: NodeId[]) => void;
  readonly #deleted = new Map<string, DeletedSubtree>();
  #doc: WorkspaceDocument;
  /** Why the stored file could not be used (for the UI to show once), or null. */
  loadProblem: string | null;
  /** The file is from a newer version: edits are refused so it is never overwritten. */
  readOnly: boolean;

  constructor(options: WorkspaceServiceOptions) {
    this.#store = options.store;
    this.#ids = options.ids ?? randomIds;
    this.#now = options.now ?? (() => new Date());
    this.#undoLimit = options.undoLimit ?? 50;
    this.#onChange = options.onChange ?? (() => {});
    const outcome = this.#store.load();
    this.loadProblem = outcome.kind === 'set-aside' || outcome.kind === 'read-only' ? outcome.problem : null;
    this.readOnly = outcome.kind === 'read-only';
    if (outcome.kind === 'loaded') {
      this.#doc = outcome.document;
    } else {
      // A first run gets the samples; a file set aside after damage gets an empty workspace, not samples on top.
      this.#doc = outcome.kind === 'absent' && options.firstRun ? options.firstRun(this.#ids) : emptyDocument();
      if (!this.readOnly) this.#store.save(this.#doc);
    }
  }

  /** Where the workspace is kept now: the data directory's workspace.json, or a workspace folder. */
  get store(): WorkspaceStore {
    return this.#store;
  }

  /**
   * Switches to another store (opening a workspace folder, or back to the
   * default file): its document replaces this one, and undo starts afresh.
   * An empty store starts empty (no samples). Every item counts as changed.
   */
  useStore(store: WorkspaceStore): void {
    const outcome = store.load();
    this.#store = store;
    this.#deleted.clear();
    this.loadProblem = outcome.kind === 'set-aside' || outcome.kind === 'read-only' ? outcome.problem : null;
    this.readOnly = outcome.kind === 'read-only';
    this.#doc = outcome.kind === 'loaded' ? outcome.document : emptyDocument();
    if (outcome.kind === 'absent') this.#store.save(this.#doc);
    this.#onChange(Object.keys(this.#doc.nodes));
  }

  /** Reads the store again after a change on disk (git pull, an editor's save); returns the items that differ. */
  reload(): { changed: NodeId[]; removed: NodeId[] } {
    const outcome = this.#store.load();
    if (outcome.kind !== 'loaded') return { changed: [], removed: [] };
    const { changed, removed, reordered } = changedIds(this.#doc, outcome.document);
    this.#doc = outcome.document;
    if (changed.length > 0 || removed.length > 0 || reordered) this.#onChange([...changed, ...removed]);
    return { changed, removed };
  }

  /** The live document, for other services in main (the executor reads requests and environments from it). */
  get document(): WorkspaceDocument {
    return this.#doc;
  }

  #commit<T>(changed: NodeId[], edit: () => T): T {
    if (this.readOnly) throw new ServiceError('conflict', `The workspace is read-only: ${this.loadProblem ?? ''}`);
    const result = edit();
    this.#store.save(this.#doc);
    this.#onChange(changed);
    return result;
  }

  tree(): TreeListing {
    return listTree(this.#doc);
  }

  filter(text: string): FilterResult {
    return filterTree(this.#doc, text);
  }

  get(id: NodeId): WorkspaceNode {
    return requireNode(this.#doc, id);
  }

  create(spec: CreateSpec): WorkspaceNode {
    return this.#commit(spec.kind === 'collection' ? [] : [spec.parentId], () => createNode(this.#doc, this.#ids, spec));
  }

  rename(id: NodeId, name: string): WorkspaceNode {
    return this.#commit([id], () => renameNode(this.#doc, id, name));
  }

  duplicate(id: NodeId): WorkspaceNode {
    return this.#commit([id], () => duplicateNode(this.#doc, this.#ids, id));
  }

  move(id: NodeId, parentId: NodeId | null, index?: number): TreeListing {
    this.#commit([id], () => moveNode(this.#doc, id, parentId, index));
    return this.tree();
  }

  reorder(parentId: NodeId | null, order: readonly NodeId[]): TreeListing {
    this.#commit(parentId === null ? [] : [parentId], () => reorderChildren(this.#doc, parentId, order));
    return this.tree();
  }

  delete(id: NodeId): DeleteResult {
    return this.#commit([id], () => {
      const deleted = deleteNode(this.#doc, id);
      const undoToken = this.#ids();
      this.#deleted.set(undoToken, deleted);
      // Oldest first in a Map: drop the oldest beyond the limit.
      for (const token of this.#deleted.keys()) {
        if (this.#deleted.size <= this.#undoLimit) break;
        this.#deleted.delete(token);
      }
      return { undoToken, deleted: deleted.nodes.length };
    });
  }

  undoDelete(undoToken: string): TreeListing {
    const deleted = this.#deleted.get(undoToken);
    if (!deleted) throw new ServiceError('not_found', 'That deletion can no longer be undone.');
    this.#commit([deleted.rootId], () => restoreSubtree(this.#doc, deleted));
    this.#deleted.delete(undoToken);
    return this.tree();
  }

  updateRequest(id: NodeId, patch: RequestPatch): RequestNode {
    const request = requireRequest(this.#doc, id);
    if (patch.auth) assertNoLiteralSecrets(patch.auth, request.name);
    return this.#commit([id], () => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) (request as Record<string, unknown>)[key] = value;
      }
      return request;
    });
  }

  setAuth(id: NodeId, auth: AuthSetting): WorkspaceNode {
    const node = requireNode(this.#doc, id);
    assertNoLiteralSecrets(auth, node.name);
    return this.#commit([id], () => {
      node.auth = auth;
      return node;
    });
  }

  effectiveAuth(requestId: NodeId): AuthChain {
    return effectiveAuth(this.#doc, requestId);
  }

  environments(collectionId: NodeId): Environment[] {
    return listEnvironments(this.#doc, collectionId);
  }

  createEnvironment(collectionId: NodeId, name: string, isProtected: boolean): Environment {
    return this.#commit([collectionId], () => createEnvironment(this.#doc, this.#ids, collectionId, name, isProtected));
  }

  updateEnvironment(collectionId: NodeId, environmentId: NodeId, change: EnvironmentChange): Environment {
    return this.#commit([collectionId], () => updateEnvironment(this.#doc, collectionId, environmentId, change));
  }

  deleteEnvironment(collectionId: NodeId, environmentId: NodeId): Environment[] {
    this.#commit([collectionId], () => deleteEnvironment(this.#doc, collectionId, environmentId));
    return this.environments(collectionId);
  }

  /** Secret values come back in `secretsToStore` for the vault; pass only `toImportSummary(...)` to the renderer. */
  async importPostman(text: string, onConflict: ImportConflictMode = 'refuse'): Promise<ImportResult> {
    // The Postman SDK (faker, ajv, …) is loaded only when a Postman file is imported: it was most of the CLI's start-up.
    const { convertPostman } = await import('./postman/import-postman.ts');
    const { draft, warnings, droppedScripts } = convertPostman(text);
    const prepared = prepareDraft(this.#doc, draft, onConflict);
    return this.#commit([], () => {
      const added = materializeCollection(this.#doc, this.#ids, prepared);
      const collectionId = onConflict === 'merge' || onConflict === 'replace' ? foldIntoExisting(this.#doc, added.collection.id, onConflict) : added.collection.id;
      return { collectionId, requests: added.requests, folders: added.folders, secretsToStore: added.secretsToStore, warnings, droppedScripts };
    });
  }

  importCollection(text: string, onConflict: ImportConflictMode = 'refuse'): ImportResult {
    const file = parseCollectionFile(text);
    const prepared = prepareDraft(this.#doc, file.collection, onConflict);
    return this.#commit([], () => {
      const added = materializeCollection(this.#doc, this.#ids, prepared);
      const collectionId = onConflict === 'merge' || onConflict === 'replace' ? foldIntoExisting(this.#doc, added.collection.id, onConflict) : added.collection.id;
      return { collectionId, requests: added.requests, folders: added.folders, secretsToStore: added.secretsToStore, warnings: [] };
    });
  }

  /** An OpenAPI 3.0/3.1 document as a new collection; the parser is loaded only when one is imported. */
  async importOpenApi(text: string, onConflict: ImportConflictMode = 'refuse'): Promise<ImportResult> {
    const { convertOpenApi } = await import('./openapi/convert-openapi.ts');
    const { draft, warnings } = await convertOpenApi(text);
    const prepared = prepareDraft(this.#doc, draft, onConflict);
    return this.#commit([], () => {
      const added = materializeCollection(this.#doc, this.#ids, prepared);
      const collectionId = onConflict === 'merge' || onConflict === 'replace' ? foldIntoExisting(this.#doc, added.collection.id, onConflict) : added.collection.id;
      return { collectionId, requests: added.requests, folders: added.folders, secretsToStore: added.secretsToStore, warnings };
    });
  }

  importCurl(command: string, parentId: NodeId, name?: string): CurlImportResult {
    const parent = requireContainer(this.#doc, parentId);
    const parsed = parseCurl(command, slug(collectionOf(this.#doc, parentId).name, 'curl'), secretNamesInUse(this.#doc));
    return this.#commit([parentId], () => {
      const draft = parsed.request;
      const request: RequestNode = {
        kind: 'request',
        id: this.#ids(),
        parentId,
        name: name ?? draft.name,
        method: draft.method,
        url: draft.url,
        params: draft.params,
        headers: draft.headers,
        body: draft.body,
        auth: draft.auth,
        ...(draft.settings === undefined ? {} : { settings: draft.settings }),
      };
      this.#doc.nodes[request.id] = request;
      parent.children.push(request.id);
      const names = parsed.secretsToStore.map((secret) => secret.name);
      for (const env of collectionOf(this.#doc, parentId).environments) env.secrets = [...new Set([...env.secrets, ...names])];
      return { request, secretsToStore: parsed.secretsToStore, warnings: parsed.warnings };
    });
  }

  /** Call after the built-in sandbox starts: sample environments follow its port. Saves only when something changed. */
  retargetBuiltInSandbox(port: number): number {
    if (this.readOnly) return 0;
    const changed = retargetBuiltInSandbox(this.#doc, port);
    if (changed > 0) {
      this.#store.save(this.#doc);
      this.#onChange([...this.#doc.collections]);
    }
    return changed;
  }

  flow(collectionId: NodeId, flowId: string): Flow {
    return requireFlow(this.#doc, collectionId, flowId).flow;
  }

  saveFlow(collectionId: NodeId, flow: Flow): Flow {
    return this.#commit([collectionId], () => saveFlow(this.#doc, collectionId, flow));
  }

  deleteFlow(collectionId: NodeId, flowId: string): void {
    this.#commit([collectionId], () => deleteFlow(this.#doc, collectionId, flowId));
  }

  /** Sets one variable of an environment (added when new, enabled either way): a flow's "environment" capture. */
  setEnvironmentVariable(collectionId: NodeId, environmentId: NodeId, name: string, value: string): void {
    const env = requireEnvironment(this.#doc, collectionId, environmentId);
    const others = env.variables.filter((variable) => variable.name !== name);
    const at = env.variables.findIndex((variable) => variable.name === name);
    const variables = [...others];
    variables.splice(at < 0 ? variables.length : at, 0, { name, value, enabled: true });
    this.updateEnvironment(collectionId, environmentId, { variables });
  }

  exportCollection(collectionId: NodeId): { fileName: string; text: string } {
    return exportCollectionText(this.#doc, collectionId, this.#now());
  }

  /** The collection as Postman Collection v2.1 (and one environment as a Postman environment); the library is loaded only when asked. */
  async exportPostman(collectionId: NodeId, environment?: string): Promise<PostmanExportFiles> {
    const { postmanExportFiles } = await import('./postman/export-postman-files.ts');
    return postmanExportFiles(collectionFile(this.#doc, collectionId, this.#now()), environment);
  }

  /** Values that look like credentials typed into the collection's requests; `taken`: vault names in use. */
  credentialFindings(collectionId: NodeId, taken: Iterable<string>): CredentialFinding[] {
    return findLiteralCredentials(this.#doc, collectionId, taken);
  }

  /** What moving them into the vault would store and change; nothing is changed here. */
  planCredentialMove(collectionId: NodeId, taken: Iterable<string>, findingIds?: readonly string[]): CredentialMove {
    return planCredentialMove(this.#doc, collectionId, taken, findingIds);
  }
}

/** What the renderer may see of an import: vault names and kinds, never values. */
export function toImportSummary(result: ImportResult): ImportSummary {
  return {
    collectionId: result.collectionId,
    requests: result.requests,
    folders: result.folders,
    secretsStored: result.secretsToStore.map(({ name, kind }) => ({ name, kind })),
    warnings: result.warnings,
    ...(result.droppedScripts === undefined ? {} : { droppedScripts: result.droppedScripts }),
  };
}

/** The `workspace:import-curl` answer: the request and the vault names its credentials went to. */
export function toCurlImportSummary(result: CurlImportResult): { request: RequestNode; secretsStored: ImportSummary['secretsStored']; warnings: string[] } {
  return { request: result.request, secretsStored: result.secretsToStore.map(({ name, kind }) => ({ name, kind })), warnings: result.warnings };
}
