import { createConfStoreFactory } from '../../main/platform/conf-store.ts';
import { createBackend, type Backend } from '../../main/services/backend.ts';

/** A backend over conf stores in `dataDir`, as browser mode builds it. */
export function testBackend(dataDir: string): Backend {
  return createBackend({ mode: 'browser', dataDir, stores: createConfStoreFactory(dataDir), version: '9.9.9-test' });
}
