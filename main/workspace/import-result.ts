import type { NodeId, SecretKindName } from '../contract/workspace.ts';

/**
 * A secret value found in an imported file or command, for the caller to put
 * in the vault. It never goes into the workspace, and this type stays in main:
 * the renderer gets `ImportSummary` (names and kinds only).
 */
export type SecretToStore = { name: string; value: string; kind: SecretKindName };

export type ImportResult = {
  collectionId: NodeId;
  requests: number;
  folders: number;
  secretsToStore: SecretToStore[];
  warnings: string[];
  /** Postman scripts the import left out, by request. */
  droppedScripts?: { request: string; kinds: ('prerequest' | 'test')[] }[];
};
