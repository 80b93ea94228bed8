import { z } from 'zod';
import { Assertions } from './assertions.ts';
import { AuthChain } from './auth.ts';
import { Flow } from './flow-model.ts';
import { noInput } from './limits.ts';
import { ItemName, NodeId, SecretRefName } from './names.ts';
import { NetworkSettings, RequestNetworkOverride } from './network.ts';
import { SecretProviderSettings } from './secret-providers.ts';

/**
 * The workspace: collections -> folders (nested) -> requests, environments per
 * collection. Secrets never live here: an auth field that needs one holds a
 * `{{secret:name}}` template naming a vault entry, and an environment lists
 * the vault names it expects. Values stay in the vault.
 */

const MAX_ITEMS = 10_000;
const MAX_PAIRS = 500;

export { ItemName, NodeId, SecretRefName } from './names.ts';

const text = z.string().max(1_000_000);

/** RFC 9110 token characters: what a method may be made of (no spaces, `;`, quotes or slashes). */
export const HTTP_METHOD_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const HttpMethod = z
  .string()
  .min(1)
  .max(20)
  .regex(HTTP_METHOD_PATTERN, 'A method is an HTTP token: letters, digits and !#$%&\'*+-.^_`|~ only (GET, POST, M-SEARCH, ...).')
  .transform((value) => value.toUpperCase());

/** A header, query parameter or form field: order and repeats matter, unticked ones are kept but not sent. */
export const KeyValue = z.object({
  name: z.string().max(1000),
  value: text,
  enabled: z.boolean().default(true),
});
export type KeyValue = z.output<typeof KeyValue>;

/** A file a body sends, by path: main reads it at send time (never the renderer); `{{var}}` templates allowed. Empty until one is chosen: a send then says so. */
export const BodyFilePath = z.string().max(4096);

/** One part of a multipart/form-data body: a text field or a file read by main when the request is sent. */
export const MultipartPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: z.string().max(1000), value: text, enabled: z.boolean().default(true) }),
  z.object({
    kind: z.literal('file'),
    name: z.string().max(1000),
    path: BodyFilePath,
    enabled: z.boolean().default(true),
    /** Absent: application/octet-stream. */
    contentType: z.string().max(200).optional(),
    /** The filename the server is told; absent: the path's last segment. */
    fileName: z.string().max(1000).optional(),
  }),
]);
export type MultipartPart = z.output<typeof MultipartPart>;

export const RequestBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('json'), text }),
  z.object({ kind: z.literal('form'), pairs: z.array(KeyValue).max(MAX_PAIRS) }),
  z.object({ kind: z.literal('raw'), text, contentType: z.string().max(200) }),
  /** Boundary and Content-Type are set by main at send time; a Content-Type header of the request is replaced. */
  z.object({ kind: z.literal('multipart'), parts: z.array(MultipartPart).max(MAX_PAIRS) }),
  /** The bytes of one file, read by main at send time; contentType empty: application/octet-stream (a Content-Type header wins). */
  z.object({ kind: z.literal('binary'), path: BodyFilePath, contentType: z.string().max(200) }),
]);
export type RequestBody = z.output<typeof RequestBody>;

/**
 * `inherit` takes the nearest folder's or the collection's auth; `none` sends
 * no auth even if a parent has one; `chain` applies these schemes in order.
 */
export const AuthSetting = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('inherit') }),
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('chain'), steps: AuthChain }),
]);
export type AuthSetting = z.output<typeof AuthSetting>;

export const RequestSettings = z.object({
  /** Whole-request timeout; absent: the executor's default. */
  timeoutMs: z.number().int().min(1).max(3_600_000).optional(),
  /** Always stream the body to a file instead of previewing it. */
  saveToFile: z.boolean().optional(),
  followRedirects: z.boolean().optional(),
  /** Turns the environment's proxy or TLS verification off for this request only. */
  network: RequestNetworkOverride.optional(),
});
export type RequestSettings = z.output<typeof RequestSettings>;

export const RequestNode = z.object({
  kind: z.literal('request'),
  id: NodeId,
  parentId: NodeId,
  name: ItemName,
  description: z.string().max(100_000).optional(),
  method: HttpMethod,
  /** May hold `{{var}}` templates. */
  url: z.string().max(100_000),
  params: z.array(KeyValue).max(MAX_PAIRS),
  headers: z.array(KeyValue).max(MAX_PAIRS),
  body: RequestBody,
  auth: AuthSetting,
  settings: RequestSettings.optional(),
  /** Checked after each send (main/assertions); absent means none. */
  assertions: Assertions.optional(),
});
export type RequestNode = z.output<typeof RequestNode>;

export const FolderNode = z.object({
  kind: z.literal('folder'),
  id: NodeId,
  parentId: NodeId,
  name: ItemName,
  description: z.string().max(100_000).optional(),
  auth: AuthSetting,
  /** Folders and requests, in the order the sidebar shows them. */
  children: z.array(NodeId).max(MAX_ITEMS),
});
export type FolderNode = z.output<typeof FolderNode>;

export const EnvironmentVariable = z.object({
  name: z.string().min(1).max(200),
  value: text,
  enabled: z.boolean().default(true),
});
export type EnvironmentVariable = z.output<typeof EnvironmentVariable>;

export const Environment = z.object({
  id: NodeId,
  name: z.string().min(1).max(64),
  /** Sends need an explicit confirmation (Production is protected by default). */
  protected: z.boolean(),
  /** Non-secret values for `{{name}}`. */
  variables: z.array(EnvironmentVariable).max(MAX_PAIRS),
  /** Vault entries this environment expects, by name only. */
  secrets: z.array(SecretRefName).max(MAX_PAIRS),
  /** Its loopback URLs follow the built-in sandbox's port, which changes from run to run. */
  builtInSandbox: z.boolean().optional(),
  /** Proxy, CA, client certificate, TLS verification (main/contract/network.ts); absent: direct, verified, system CAs. */
  network: NetworkSettings.optional(),
  /** Where secrets come from after the vault (main/secret-providers): absent means the vault only. */
  secretProviders: SecretProviderSettings.optional(),
});
export type Environment = z.output<typeof Environment>;

export const CollectionNode = z.object({
  kind: z.literal('collection'),
  id: NodeId,
  name: ItemName,
  description: z.string().max(100_000).optional(),
  /** `inherit` on a collection means no auth. */
  auth: AuthSetting,
  children: z.array(NodeId).max(MAX_ITEMS),
  environments: z.array(Environment).max(50),
  /** Saved multi-step runs over this collection's requests (main/flows). */
  flows: z.array(Flow).max(100),
});
export type CollectionNode = z.output<typeof CollectionNode>;

export const WorkspaceNode = z.discriminatedUnion('kind', [CollectionNode, FolderNode, RequestNode]);
export type WorkspaceNode = z.output<typeof WorkspaceNode>;
export type ContainerNode = CollectionNode | FolderNode;

/** 3: bodies may be multipart/form-data or a binary file (older files load unchanged). */
export const WORKSPACE_SCHEMA_VERSION = 3;

/** The persisted document: a flat map by id plus ordered child lists, so an edit touches one entry. */
export const WorkspaceDocument = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  collections: z.array(NodeId).max(1000),
  nodes: z.record(NodeId, WorkspaceNode),
});
export type WorkspaceDocument = z.output<typeof WorkspaceDocument>;

// ---- What the sidebar receives: names and shape only, no bodies.

export const TreeEntry = z.object({
  id: NodeId,
  kind: z.enum(['collection', 'folder', 'request']),
  name: z.string(),
  parentId: NodeId.nullable(),
  method: z.string().optional(),
  url: z.string().optional(),
  children: z.array(NodeId).optional(),
});
export type TreeEntry = z.output<typeof TreeEntry>;

export const TreeListing = z.object({
  collections: z.array(NodeId),
  entries: z.array(TreeEntry),
});
export type TreeListing = z.output<typeof TreeListing>;

export const FilterResult = z.object({
  /** Requests, folders and collections whose own name (or a request's URL or method) matches. */
  matches: z.array(NodeId),
  /** Matches plus all their ancestors: what the filtered sidebar shows. */
  visible: z.array(NodeId),
});
export type FilterResult = z.output<typeof FilterResult>;

// ---- Channel inputs.

const byId = z.strictObject({ id: NodeId });

export const CreateInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('collection'), name: ItemName }),
  z.strictObject({ kind: z.literal('folder'), parentId: NodeId, name: ItemName, index: z.number().int().min(0).optional() }),
  z.strictObject({
    kind: z.literal('request'),
    parentId: NodeId,
    name: ItemName,
    method: HttpMethod.optional(),
    url: z.string().max(100_000).optional(),
    index: z.number().int().min(0).optional(),
  }),
]);
export type CreateInput = z.input<typeof CreateInput>;

export const RenameInput = z.strictObject({ id: NodeId, name: ItemName });
export const MoveInput = z.strictObject({
  id: NodeId,
  /** A folder or collection; null moves a collection within the workspace's list. */
  parentId: NodeId.nullable(),
  /** Position among the new parent's children once the item is taken out of its old place; absent: at the end. */
  index: z.number().int().min(0).optional(),
});
export type MoveInput = z.input<typeof MoveInput>;
export const ReorderInput = z.strictObject({
  /** null: the workspace's collection list. */
  parentId: NodeId.nullable(),
  /** The parent's children in their new order (the same ids, nothing added or lost). */
  order: z.array(NodeId).max(MAX_ITEMS),
});
export type ReorderInput = z.input<typeof ReorderInput>;

export const DeleteResult = z.object({ undoToken: z.string(), deleted: z.number().int() });
export type DeleteResult = z.output<typeof DeleteResult>;

export const RequestPatch = z.strictObject({
  name: ItemName.optional(),
  description: z.string().max(100_000).optional(),
  method: HttpMethod.optional(),
  url: z.string().max(100_000).optional(),
  params: z.array(KeyValue).max(MAX_PAIRS).optional(),
  headers: z.array(KeyValue).max(MAX_PAIRS).optional(),
  body: RequestBody.optional(),
  auth: AuthSetting.optional(),
  settings: RequestSettings.optional(),
  assertions: Assertions.optional(),
});
export type RequestPatch = z.output<typeof RequestPatch>;

export const UpdateRequestInput = z.strictObject({ id: NodeId, patch: RequestPatch });
export const SetAuthInput = z.strictObject({ id: NodeId, auth: AuthSetting });

export const CreateEnvironmentInput = z.strictObject({
  collectionId: NodeId,
  name: z.string().min(1).max(64),
  protected: z.boolean().default(false),
});
export const UpdateEnvironmentInput = z.strictObject({
  collectionId: NodeId,
  environmentId: NodeId,
  name: z.string().min(1).max(64).optional(),
  variables: z.array(EnvironmentVariable).max(MAX_PAIRS).optional(),
  secrets: z.array(SecretRefName).max(MAX_PAIRS).optional(),
  protected: z.boolean().optional(),
  /** Replaces the environment's network settings as a whole ({} clears them). */
  network: NetworkSettings.optional(),
  /** Replaces the providers after the vault ([] means the vault only). */
  secretProviders: SecretProviderSettings.optional(),
});
export type UpdateEnvironmentInput = z.input<typeof UpdateEnvironmentInput>;

export const SecretKindName = z.enum(['text', 'rsa_private_key', 'certificate', 'passphrase']);
export type SecretKindName = z.output<typeof SecretKindName>;

/** What the renderer sees of an import: secret names and kinds, never values. */
export const ImportSummary = z.object({
  collectionId: NodeId,
  requests: z.number().int(),
  folders: z.number().int(),
  secretsStored: z.array(z.object({ name: SecretRefName, kind: SecretKindName })),
  warnings: z.array(z.string()),
  /** Postman pre-request and test scripts, which Countersign does not run: left out, by request. */
  droppedScripts: z.array(z.object({ request: z.string(), kinds: z.array(z.enum(['prerequest', 'test'])) })).optional(),
});
export type ImportSummary = z.output<typeof ImportSummary>;

/** A credential typed literally into a request (never its value), found on export. */
export const CredentialFinding = z.object({
  id: z.string(),
  requestId: NodeId,
  request: z.string(),
  place: z.enum(['header', 'param', 'body', 'url']),
  field: z.string(),
  reason: z.string(),
  suggestedSecret: SecretRefName,
});
export type CredentialFinding = z.output<typeof CredentialFinding>;

/** The vault environment that credentials found in an import go to (Sandbox unless the user picks another). */
const SecretsEnvironment = z.string().min(1).max(64).default('Sandbox');

/**
 * When the workspace already has a collection of the imported one's name:
 * absent refuses (nothing changes, the error says so); `replace` and `merge`
 * fold the import into it, matched by name (ids kept); `keep-both` adds it
 * under a new name ("Name (2)").
 */
export const ImportConflictMode = z.enum(['replace', 'merge', 'keep-both']);
export type ImportConflictMode = z.output<typeof ImportConflictMode>;

// The doors refuse any string above 4 MiB characters (main/core/input-guard.ts) before a schema runs.
const MAX_IMPORT_CHARS = 4 * 1024 * 1024;

export const workspaceChannels = {
  'workspace:tree': { input: noInput, output: TreeListing },
  'workspace:filter': { input: z.strictObject({ text: z.string().max(500) }), output: FilterResult },
  'workspace:get': { input: byId, output: WorkspaceNode },
  'workspace:create': { input: CreateInput, output: WorkspaceNode },
  'workspace:rename': { input: RenameInput, output: WorkspaceNode },
  'workspace:duplicate': { input: byId, output: WorkspaceNode },
  'workspace:move': { input: MoveInput, output: TreeListing },
  'workspace:reorder': { input: ReorderInput, output: TreeListing },
  'workspace:delete': { input: byId, output: DeleteResult },
  'workspace:undo-delete': { input: z.strictObject({ undoToken: z.string().max(100) }), output: TreeListing },
  'workspace:update-request': { input: UpdateRequestInput, output: RequestNode },
  'workspace:set-auth': { input: SetAuthInput, output: WorkspaceNode },
  'workspace:effective-auth': { input: byId, output: AuthChain },
  'workspace:environments': { input: z.strictObject({ collectionId: NodeId }), output: z.array(Environment) },
  'workspace:create-environment': { input: CreateEnvironmentInput, output: Environment },
  'workspace:update-environment': { input: UpdateEnvironmentInput, output: Environment },
  'workspace:delete-environment': { input: z.strictObject({ collectionId: NodeId, environmentId: NodeId }), output: z.array(Environment) },
  'workspace:import-postman': {
    input: z.strictObject({ text: z.string().max(MAX_IMPORT_CHARS), secretsEnvironment: SecretsEnvironment, onConflict: ImportConflictMode.optional() }),
    output: ImportSummary,
  },
  'workspace:import-curl': {
    input: z.strictObject({ command: z.string().max(1_000_000), parentId: NodeId, name: ItemName.optional(), secretsEnvironment: SecretsEnvironment }),
    output: z.object({
      request: RequestNode,
      /** Credentials from -u or an Authorization header went to the vault under these names. */
      secretsStored: ImportSummary.shape.secretsStored,
      warnings: z.array(z.string()),
    }),
  },
  'workspace:import-collection': {
    input: z.strictObject({ text: z.string().max(MAX_IMPORT_CHARS), secretsEnvironment: SecretsEnvironment, onConflict: ImportConflictMode.optional() }),
    output: ImportSummary,
  },
  'workspace:export-collection': {
    input: z.strictObject({ collectionId: NodeId }),
    /** `credentialFindings`: values that look like credentials typed into requests; the export holds them as typed. */
    output: z.object({ fileName: z.string(), text: z.string(), credentialFindings: z.array(CredentialFinding) }),
  },
  /**
   * The collection as a Postman Collection v2.1 file and, when `environment` names one of its environments, that
   * environment as a Postman environment file. Secrets are `{{name}}` variables with empty values, never values;
   * `notes` says what Postman cannot carry (custom signatures, flows, assertions).
   */
  'workspace:export-postman': {
    input: z.strictObject({ collectionId: NodeId, environment: z.string().min(1).max(64).optional() }),
    output: z.object({
      fileName: z.string(),
      text: z.string(),
      environment: z.object({ fileName: z.string(), text: z.string() }).optional(),
      notes: z.array(z.string()),
      credentialFindings: z.array(CredentialFinding),
    }),
  },
  /** Moves the chosen findings (all when `findingIds` is absent) into the vault of every environment of the collection. */
  'workspace:move-credentials-to-vault': {
    input: z.strictObject({ collectionId: NodeId, findingIds: z.array(z.string().max(1000)).max(1000).optional() }),
    output: z.object({
      moved: z.array(CredentialFinding),
      secretsStored: z.array(z.object({ name: SecretRefName, environments: z.array(z.string()) })),
      warnings: z.array(z.string()),
    }),
  },
} as const;

export const workspaceEvents = {
  'workspace:changed': z.object({ ids: z.array(NodeId) }),
} as const;
