import type { z } from 'zod';
import { ServiceError } from '../contract/errors.ts';
import type { Redactor } from '../core/redactor.ts';
import { restoreRedacted } from '../core/restore-redacted.ts';
import type { workspaceChannels } from '../contract/workspace.ts';
import type { VaultService } from '../vault/index.ts';
import type { SecretToStore } from '../workspace/import-result.ts';
import { toCurlImportSummary, toImportSummary, type WorkspaceService } from '../workspace/workspace-service.ts';
import { exportWithFindings, moveCredentialsToVault } from './credential-move.ts';

type Channels = typeof workspaceChannels;
export type WorkspaceHandlers = {
  [K in keyof Channels]: (input: z.output<Channels[K]['input']>) => Promise<z.output<Channels[K]['output']>> | z.output<Channels[K]['output']>;
};

/**
 * The workspace channels. Imports are the one place two services meet:
 * credentials found in a Postman file or a curl command go straight into the
 * vault, and the renderer only learns their names.
 */
export function createWorkspaceHandlers(workspace: WorkspaceService, vault: VaultService, ledger: Redactor): WorkspaceHandlers {
  const requireUnlocked = async () => {
    if ((await vault.status()).state !== 'unlocked') {
      throw new ServiceError('locked', 'Unlock the vault before importing: credentials found in the import go straight into it.');
    }
  };
  const storeSecrets = async (environment: string, secrets: readonly SecretToStore[]): Promise<string[]> => {
    const warnings: string[] = [];
    const existing = new Set(vault.list({ environment }).secrets.map((secret) => secret.name));
    for (const secret of secrets) {
      if (existing.has(secret.name)) {
        warnings.push(`The vault already holds ${secret.name} in ${environment}; it was kept, and the imported value was not stored.`);
        continue;
      }
      await vault.add({ environment, name: secret.name, kind: secret.kind, value: secret.value });
    }
    return warnings;
  };

  return {
    'workspace:tree': () => workspace.tree(),
    'workspace:filter': ({ text }) => workspace.filter(text),
    'workspace:get': ({ id }) => workspace.get(id),
    'workspace:create': (spec) => workspace.create(spec),
    'workspace:rename': ({ id, name }) => workspace.rename(id, name),
    'workspace:duplicate': ({ id }) => workspace.duplicate(id),
    'workspace:move': ({ id, parentId, index }) => workspace.move(id, parentId, index),
    'workspace:reorder': ({ parentId, order }) => workspace.reorder(parentId, order),
    'workspace:delete': ({ id }) => workspace.delete(id),
    'workspace:undo-delete': ({ undoToken }) => workspace.undoDelete(undoToken),
    // What the renderer saves back came through the ledger: a literal secret it saw as [redacted] keeps its value.
    'workspace:update-request': ({ id, patch }) => workspace.updateRequest(id, restoreRedacted(patch, workspace.get(id), ledger)),
    'workspace:set-auth': ({ id, auth }) => workspace.setAuth(id, restoreRedacted(auth, workspace.get(id), ledger)),
    'workspace:effective-auth': ({ id }) => workspace.effectiveAuth(id),
    'workspace:environments': ({ collectionId }) => workspace.environments(collectionId),
    'workspace:create-environment': ({ collectionId, name, protected: isProtected }) => workspace.createEnvironment(collectionId, name, isProtected),
    'workspace:update-environment': ({ collectionId, environmentId, ...change }) =>
      workspace.updateEnvironment(collectionId, environmentId, restoreRedacted(change, workspace.environments(collectionId), ledger)),
    'workspace:delete-environment': ({ collectionId, environmentId }) => workspace.deleteEnvironment(collectionId, environmentId),
    'workspace:import-postman': async ({ text, secretsEnvironment, onConflict }) => {
      await requireUnlocked();
      const result = await workspace.importPostman(text, onConflict);
      const warnings = await storeSecrets(secretsEnvironment, result.secretsToStore);
      return toImportSummary({ ...result, warnings: [...result.warnings, ...warnings] });
    },
    'workspace:import-collection': async ({ text, secretsEnvironment, onConflict }) => {
      await requireUnlocked();
      const result = workspace.importCollection(text, onConflict);
      const warnings = await storeSecrets(secretsEnvironment, result.secretsToStore);
      return toImportSummary({ ...result, warnings: [...result.warnings, ...warnings] });
    },
    'workspace:import-curl': async ({ command, parentId, name, secretsEnvironment }) => {
      await requireUnlocked();
      const result = workspace.importCurl(command, parentId, name);
      const warnings = await storeSecrets(secretsEnvironment, result.secretsToStore);
      return toCurlImportSummary({ ...result, warnings: [...result.warnings, ...warnings] });
    },
    'workspace:export-collection': ({ collectionId }) => exportWithFindings(workspace, vault, collectionId),
    'workspace:move-credentials-to-vault': ({ collectionId, findingIds }) => moveCredentialsToVault(workspace, vault, collectionId, findingIds),
    'workspace:export-postman': async ({ collectionId, environment }) => {
      const files = await workspace.exportPostman(collectionId, environment);
      // The same check as the native export: values typed into requests that look like credentials, by place only.
      const { credentialFindings } = exportWithFindings(workspace, vault, collectionId);
      return { ...files, credentialFindings };
    },
  };
}
