import { createConfStoreFactory } from '../../main/platform/conf-store.ts';
import { createBackend, type Backend } from '../../main/services/backend.ts';

/** A backend over conf stores in `dataDir`, as browser mode builds it. */
export function testBackend(dataDir: string, log?: (message: string, error?: unknown) => void): Backend {
  // A cheap key derivation: these tests are about the doors, not the vault's cost.
  return createBackend({
    mode: 'browser',
    dataDir,
    stores: createConfStoreFactory(dataDir),
    version: '9.9.9-test',
    ...(log ? { log } : {}),
    vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } },
  });
}
