import type { z } from 'zod';
import { vaultChannels } from '../contract/vault.ts';
import type { VaultService } from './vault-service.ts';

type VaultChannels = typeof vaultChannels;
export type VaultChannelName = keyof VaultChannels;

/** One handler per vault channel, typed from the contract; the backend spreads these into its Handlers. */
export type VaultHandlers = {
  [K in VaultChannelName]: (input: z.output<VaultChannels[K]['input']>) => Promise<z.output<VaultChannels[K]['output']>> | z.output<VaultChannels[K]['output']>;
};

/**
 * Adapts the service to the channels. Nothing here decrypts for the caller:
 * `reveal` and `get` stay main-only and are deliberately not reachable.
 */
export function createVaultHandlers(vault: VaultService): VaultHandlers {
  return {
    'vault:status': () => vault.status(),
    'vault:setup': (input) => vault.setup(input),
    'vault:unlock': (input) => vault.unlock(input),
    'vault:lock': () => vault.lock(),
    // Another process (a CLI) may have changed the vault since: show its latest contents.
    'vault:list': async (input) => {
      await vault.refresh();
      return vault.list(input);
    },
    'vault:add': (input) => vault.add(input),
    'vault:rotate': (input) => vault.rotate(input),
    'vault:delete': (input) => vault.remove(input),
    'vault:copy': (input) => vault.copyToClipboard(input),
    'vault:set-passphrase': (input) => vault.setPassphrase(input),
    'vault:set-auto-lock': (input) => vault.setAutoLock(input),
    'vault:export-backup': (input) => vault.exportBackup(input),
    'vault:default-hosts': ({ environment }) => vault.defaultHosts(environment),
    'vault:set-hosts': (input) => vault.setHosts(input),
    'vault:allow-host': (input) => vault.allowHost(input),
    'vault:import-backup': (input) => vault.importBackup(input),
    'vault:local-backups': () => vault.localBackups(),
    'vault:restore-local-backup': (input) => vault.restoreLocalBackup(input),
  };
}
