import { z } from 'zod';
import { Flow } from '../../contract/flow-model.ts';
import { NetworkSettings } from '../../contract/network.ts';
import { CollectionNode, Environment, EnvironmentVariable, FolderNode, RequestNode, WORKSPACE_SCHEMA_VERSION } from '../../contract/workspace.ts';

/**
 * One schema per kind of file in a workspace folder, each derived from the
 * contract's model by leaving out what the folder's layout already says
 * (kind, parent, children, environments and flows live in their own files).
 * A field added to the model is in the file, and in its published JSON
 * Schema (docs/schema/), without a change here.
 */

export const WORKSPACE_FOLDER_FORMAT = 'countersign.workspace';
export const WORKSPACE_FOLDER_VERSION = 1;

export const RootFile = z.object({
  format: z.literal(WORKSPACE_FOLDER_FORMAT),
  version: z.number().int().min(1),
  /** The model's version (main/workspace/migrations.ts): a newer one is opened read-only. */
  schemaVersion: z.number().int().min(0),
});
export type RootFile = z.output<typeof RootFile>;

export const rootFileContent = (): RootFile => ({ format: WORKSPACE_FOLDER_FORMAT, version: WORKSPACE_FOLDER_VERSION, schemaVersion: WORKSPACE_SCHEMA_VERSION });

/** A folder's items in order: `name/` for a folder, `name.request.yaml` for a request (the same in the root, for collections). */
export const OrderFile = z.array(z.string().min(1).max(300)).max(10_000);

export const CollectionFile = CollectionNode.omit({ kind: true, children: true, environments: true, flows: true });
export const FolderFile = FolderNode.omit({ kind: true, parentId: true, children: true });
export const RequestFile = RequestNode.omit({ kind: true, parentId: true });
/** The committed part of an environment; `network` lives in the local part. */
export const EnvironmentFile = Environment.omit({ network: true });
/** The git-ignored part: variables that are this machine's own (they win over the shared ones of the same name) and network settings. */
export const EnvironmentLocalFile = z.object({
  variables: z.array(EnvironmentVariable).max(500).optional(),
  network: NetworkSettings.optional(),
});
export const FlowFile = Flow;

export const FILE_KINDS = {
  workspace: { schema: RootFile, title: 'Countersign workspace folder (countersign-workspace.yaml)' },
  order: { schema: OrderFile, title: 'Order of the items in a folder (order.yaml)' },
  collection: { schema: CollectionFile, title: 'Collection (collection.yaml)' },
  folder: { schema: FolderFile, title: 'Folder (folder.yaml)' },
  request: { schema: RequestFile, title: 'Request (NAME.request.yaml)' },
  environment: { schema: EnvironmentFile, title: 'Environment, shared part (environments/NAME.yaml)' },
  'environment-local': { schema: EnvironmentLocalFile, title: 'Environment, local part (environments/NAME.local.yaml, git-ignored)' },
  flow: { schema: FlowFile, title: 'Flow (flows/NAME.yaml)' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;
