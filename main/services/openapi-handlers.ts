import type { z } from 'zod';
import type { openApiChannels } from '../contract/openapi.ts';
import type { ImportConflictMode, ImportSummary } from '../contract/workspace.ts';
import type { Redactor } from '../core/redactor.ts';
import { createWorkspaceHandlers, type WorkspaceHandlers } from './workspace-handlers.ts';
import type { VaultService } from '../vault/index.ts';
import { toImportSummary, type WorkspaceService } from '../workspace/workspace-service.ts';
import { isOpenApiText } from '../workspace/openapi/detect.ts';

type OpenApiHandlers = { [K in keyof typeof openApiChannels]: (input: z.output<(typeof openApiChannels)[K]['input']>) => Promise<ImportSummary> };

/**
 * The OpenAPI import channel, and the Postman and collection imports made to
 * recognise an OpenAPI document and import it as one: the app's import
 * dialog and `countersign import postman FILE` need no new choice. A spec
 * holds no credential values, so nothing goes to the vault.
 */
export function createOpenApiHandlers(workspace: WorkspaceService, vault: VaultService, ledger: Redactor): OpenApiHandlers & Pick<WorkspaceHandlers, 'workspace:import-postman' | 'workspace:import-collection'> {
  const base = createWorkspaceHandlers(workspace, vault, ledger);
  const importOpenApi = async ({ text, onConflict }: { text: string; onConflict?: ImportConflictMode | undefined }) => toImportSummary(await workspace.importOpenApi(text, onConflict));
  return {
    'workspace:import-openapi': importOpenApi,
    'workspace:import-postman': (input) => (isOpenApiText(input.text) ? importOpenApi(input) : base['workspace:import-postman'](input)),
    'workspace:import-collection': (input) => (isOpenApiText(input.text) ? importOpenApi(input) : base['workspace:import-collection'](input)),
  };
}
