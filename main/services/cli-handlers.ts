import type { z } from 'zod';
import type { cliChannels } from '../contract/cli.ts';
import { ServiceError } from '../contract/errors.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { KeyService } from '../keys/key-service.ts';
import { writeKeyFile } from '../keys/write-key-file.ts';
import { FileExistsError } from '../platform/private-file.ts';
import type { RequestService } from '../requests/request-service.ts';
import type { ProcessEnvironment } from '../secret-providers/env-provider.ts';
import type { VaultService } from '../vault/index.ts';
import { unlockWithAgent } from '../vault-agent/use-agent.ts';
import { createFolderStore, requestsWithCredentials } from '../workspace/folder/folder-store.ts';
import type { WorkspaceService } from '../workspace/workspace-service.ts';

type CliChannels = typeof cliChannels;
export type CliHandlers = {
  [K in keyof CliChannels]: (input: z.output<CliChannels[K]['input']>) => Promise<z.output<CliChannels[K]['output']>> | z.output<CliChannels[K]['output']>;
};

/**
 * The command line's own channels (main/contract/cli.ts): what a terminal
 * user may ask of main that the window may not. The dispatcher keeps other
 * doors out; these only map each channel onto its service.
 */
export function createCliHandlers(services: {
  requests: RequestService;
  flows: FlowService;
  keys: KeyService;
  vault: VaultService;
  workspace: WorkspaceService;
  dataDir: string;
  /** The CLI's own environment (where it finds the unlock agent's socket). */
  env: () => ProcessEnvironment;
}): CliHandlers {
  const { requests, flows, keys, vault, workspace } = services;
  return {
    'cli:send': (input) => requests.send(input),
    'cli:sign': (input) => requests.sign(input),
    'cli:run-flow': (input) => flows.run(input),
    'cli:network-override': (input) => {
      requests.setNetworkOverride(input);
      return { applied: true as const };
    },
    // The key goes from the agent's socket into the vault here; no channel carries it.
    'cli:unlock-with-agent': async () => {
      const warnings: string[] = [];
      const unlocked = await unlockWithAgent(vault, services.dataDir, services.env(), (message) => warnings.push(message));
      return { unlocked, warnings };
    },
    'cli:export-private-key': async ({ file, overwrite, ...request }) => {
      const exported = await keys.exportPrivate(request);
      try {
        await writeKeyFile(file, exported.pem, { overwrite, mode: 0o600 });
      } catch (error) {
        if (error instanceof FileExistsError) throw new ServiceError('conflict', error.message);
        throw new ServiceError('failed', `Could not write the key file: ${error instanceof Error ? error.message : String(error)}`);
      }
      return { path: file, encrypted: exported.encrypted, warning: exported.warning };
    },
    'cli:workspace-to-folder': ({ dir }) => {
      const document = workspace.document;
      const credentialsIn = [...requestsWithCredentials(document).values()].flat();
      if (credentialsIn.length > 0) return { written: false, credentialsIn };
      createFolderStore(dir).save(document);
      return { written: true, credentialsIn };
    },
  };
}
